#pragma once
// Intervals for the variance shares of a nested random-intercept fit by parametric bootstrap.
//
// Why parametric: the shares are functions of the ML variance estimates, whose sampling
// distribution is skewed near zero (a boundary), so a normal interval from the curvature would
// cross 0 or 1. Each replicate simulates e* = Σ_l u*_l + ε* from the fitted model
// (u*_l ~ N(0, σ̂_l²) per area, ε* ~ N(0, σ̂²)), refits by ML, and records every level's share;
// the interval is the 2.5th–97.5th percentile (Efron & Tibshirani 1993, ch. 6 and 13). Replicate r
// draws from replicate_engine(seed, r) (sampling/random.hpp), so results do not depend on the
// number of threads. The model-based per-area SEs (conditional variances) are in the fit itself.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "multilevel/nested_hierarchy.hpp"
#include "multilevel/nested_random_intercepts.hpp"

namespace cohesion {

struct VarianceShareIntervals {
    std::size_t replicates = 0;
    std::uint64_t seed = 0;
    std::vector<double> lower, upper;  // per level, base first (95% percentile interval)
};

VarianceShareIntervals bootstrap_variance_shares(const NestedHierarchy& h, const NestedRandomInterceptFit& fit,
                                                 std::size_t replicates, std::uint64_t seed);

}  // namespace cohesion
