#pragma once
// Multilevel index of dissimilarity (MLID; Harris 2017, "Measuring the scales of segregation:
// looking at the residential separation of White British and other school children in England
// using a multilevel index of dissimilarity", Trans. Inst. Br. Geogr. 42(3), 432–444; R package
// MLID, profrichharris/MLID).
//
// D = ½ Σ_i |e_i| with e_i = y_i/Y − x_i/X, the difference between the shares of groups Y and X
// in base unit i (MLID's OLS residuals of y_i/Y on 0 with offset x_i/X; not rescaled). The
// e_i are modelled by nested random intercepts (multilevel/nested_random_intercepts.hpp),
//   e_i = ε̂_i + û_{1,a_1(i)} + … + û_{k,a_k(i)},
// exactly (the BLUPs and base residuals add up to e_i), so D = ½ Σ_i |Σ_l r_{l,i}|. Reported:
// - each level's share of the variance, σ_l² / (σ² + Σ σ_m²) (MLID "Pvariance");
// - the holdback of each level, ½Σ|e_i − r_{l,i}| / D − 1 (MLID "Holdback"): the relative change
//   in D when that level's effects are set to zero;
// - per higher-level area: its effect û with conditional SE and 95% interval (û ± 1.96 SE; MLID's
//   caterpillar plot uses ±1.39 SE, van Belle 2011 eq. 2.18, for comparing two areas), D with
//   that area's effect set to zero, and MLID's `impacts` summaries of the e_i inside it
//   (pcntID = Σ_A|e_i| / Σ|e_i|, pcntN = n_A/n, impact = pcntID/pcntN · 100, and the mean, SD,
//   min and max of the e_i scaled by σ_ε = √(Σ e_i² / n)).
#include <cstddef>
#include <string>
#include <vector>

#include "multilevel/nested_hierarchy.hpp"
#include "multilevel/nested_random_intercepts.hpp"

namespace cohesion {

struct MlidLevel {
    std::string name;
    std::size_t units = 0;
    double variance = 0.0;        // σ² (base) or σ_l²
    double variance_share = 0.0;  // of the total variance, 0–1
    double holdback = 0.0;        // relative change in D when the level's effects are zeroed
};

struct MlidArea {
    std::string name;
    std::size_t base_units = 0;
    double effect = 0.0;          // û (difference in shares, like e_i)
    double effect_se = 0.0;       // √Var(u | e)
    double lower = 0.0, upper = 0.0;  // û ∓ 1.96 SE
    double scaled_effect = 0.0;   // û / σ_ε (MLID confint's scale)
    double D_without = 0.0;       // D with this area's effect set to zero
    // MLID impacts(): the e_i inside the area.
    double share_of_D = 0.0;      // pcntID / 100
    double share_of_units = 0.0;  // pcntN / 100
    double impact = 0.0;          // pcntID / pcntN · 100 (100 = its fair share)
    double scaled_mean = 0.0, scaled_sd = 0.0, scaled_min = 0.0, scaled_max = 0.0;  // (ē_A − ē)/σ_ε, sd/σ_ε, ...
    double share_y_above_x = 0.0;  // share of its units where the count of Y exceeds that of X
};

struct MultilevelDissimilarity {
    std::string group_y, group_x;
    NestedHierarchy hierarchy;
    std::vector<double> y, x;          // counts per base unit
    std::vector<double> residuals;     // e_i
    double D = 0.0;
    double sigma_e = 0.0;              // √(Σ e_i² / n)
    NestedRandomInterceptFit fit;
    std::vector<MlidLevel> levels;     // base first
    std::vector<std::vector<MlidArea>> areas;  // per level above the base (index l−1), hierarchy order
};

// y, x: counts of Y and X per base unit of `h`. Throws Error when either group is empty.
MultilevelDissimilarity multilevel_dissimilarity(NestedHierarchy h, std::vector<double> y, std::vector<double> x,
                                                 std::string group_y, std::string group_x);

// MLID `effect()`: the named higher-level areas (looked up from the finest level above the
// base upwards) under three scenarios.
struct PlacesEffect {
    std::vector<std::string> places;
    std::size_t base_units = 0;      // base units inside the places
    double D = 0.0;
    double D_effects_zeroed = 0.0;   // ID1: the places' effects set to zero
    double D_only_places = 0.0;      // ID2: e_i = 0 outside the places (their contribution to D)
    double D_within_places = 0.0;    // ID3: D recomputed on the places' units alone
    double impact = 0.0;             // (ID2/D) / (n_places/n) · 100
    double r_squared = 0.0;          // of e_i on one indicator per level holding a place (no intercept)
    // MLID prints summary(lm(y ~ 0 + indicators, offset = x))$r.squared, which in R up to 4.2 counts
    // the offset as fitted: Σ(x_i + f_i)² / (Σ(x_i + f_i)² + Σ(e_i − f_i)²), f the indicators' fit.
    // Given to match MLID's printed numbers; r_squared is the share of the variation in e_i the
    // vignette describes.
    double r_squared_mlid = 0.0;
};

PlacesEffect effect_of_places(const MultilevelDissimilarity& m, const std::vector<std::string>& places);

// Units of `h`'s levels above the base whose name is one of `places`: per base unit, true when
// inside any of them. Throws Error naming a place found at no level.
std::vector<bool> base_units_in_places(const NestedHierarchy& h, const std::vector<std::string>& places);

}  // namespace cohesion
