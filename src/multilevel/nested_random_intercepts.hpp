#pragma once
// Nested random-intercept model fitted by maximum likelihood in O(units) per evaluation.
//
// Model (no fixed effects, as MLID's `lmer(y ~ 0 + (1|L1) + ... + (1|Lk), offset = x)`):
//   e_i = Σ_{l=1..k} u_{l, a_l(i)} + ε_i,   u_{l,·} ~ N(0, σ_l²),  ε_i ~ N(0, σ²)
// with a_l(i) the level-l area holding base unit i. With no fixed effects REML is ML
// (lme4 itself switches to ML then), so the fit is ML.
//
// Likelihood: write V = σ² W(θ), θ_l = σ_l²/σ². For one area with children blocks A and
// s = θ_l, W = A + s 11ᵀ, and by Sherman–Morrison, with a = 1ᵀA⁻¹1, b = 1ᵀA⁻¹e,
// q = eᵀA⁻¹e, ld = log det A (sums over the children):
//   1ᵀW⁻¹1 = a/(1+sa),  1ᵀW⁻¹e = b/(1+sa),  eᵀW⁻¹e = q − s b²/(1+sa),  log det W = ld + log(1+sa)
// starting from a = 1, b = e_i, q = e_i², ld = 0 at each base unit. σ² is profiled out
// (σ̂² = eᵀW⁻¹e / n) and −2 log L = n log(2π σ̂²) + log det W + n is minimised over the
// relative standard deviations t_l (θ_l = t_l²) by Nelder–Mead.
//
// BLUPs, top down: given the sum S of the effects of an area's ancestors,
//   û = s (b − S a)/(1 + s a)
// and their conditional variances (lme4's "condVar"/postVar), with k = s a/(1+s a):
//   Var(u | e) = σ² s/(1+sa) + k² Var(S | e),   Var(S + u | e) = (1−k)² Var(S | e) + σ² s/(1+sa).
// Sources: Henderson (1975) Biometrics 31, 423–447 (BLUP); Bates et al. (2015) J. Stat. Softw.
// 67(1) (lme4, the same model and estimates); Harris (2017) Trans. Inst. Br. Geogr. (MLID).
#include <cstddef>
#include <span>
#include <vector>

#include "multilevel/nested_hierarchy.hpp"

namespace cohesion {

struct NestedRandomInterceptFit {
    double residual_variance = 0.0;                     // σ² (base level)
    std::vector<double> level_variances;                // σ_l², for hierarchy levels 1..k (index l−1)
    double log_likelihood = 0.0;                        // maximised (ML)
    std::vector<std::vector<double>> effects;           // BLUPs û per unit of levels 1..k (index l−1)
    std::vector<std::vector<double>> effect_variances;  // conditional variances Var(u | e), same layout
    std::vector<double> base_residuals;                 // ε̂_i = e_i − Σ_l û_{l,a_l(i)}
    std::size_t evaluations = 0;
    bool converged = false;
};

// `e` has one value per base unit of `h` (level 0). Needs at least two levels.
NestedRandomInterceptFit fit_nested_random_intercepts(const NestedHierarchy& h, std::span<const double> e);

// −2 log L profiled over σ² at relative variances θ (one per level above the base); for
// tests and the optimiser.
double nested_profiled_deviance(const NestedHierarchy& h, std::span<const double> e, std::span<const double> theta);

}  // namespace cohesion
