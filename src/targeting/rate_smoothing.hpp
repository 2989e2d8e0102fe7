#pragma once
// Empirical Bayes smoothing of small-area proportions, so that an area of 30 people
// with 3 cases does not top a ranking by chance.
//
// Beta-binomial model: cases_i ~ Binomial(n_i, π_i), π_i ~ Beta(α, β). The prior is
// fitted to the town by the method of moments of Marshall (1991, "Mapping disease and
// mortality rates using empirical Bayes estimators", Applied Statistics 40:283–294):
//   m  = Σ x_i / Σ n_i,   s² = Σ n_i (r_i − m)² / Σ n_i,   A = s² − m / n̄   (n̄ = Σ n_i / N)
// with A floored at a tiny positive value (no between-area variation: every rate
// shrinks to m). α + β = m(1 − m)/A − 1, α = m(α + β). Each area's smoothed rate is its
// posterior mean (α + x_i) / (α + β + n_i) — close to Marshall's m + A/(A + m/n_i)(r_i − m)
// — and its interval the equal-tailed posterior credible interval. Small areas shrink
// more towards m than large ones. Areas with n_i = 0 get the prior mean and interval.
#include <span>
#include <vector>

namespace cohesion {

struct SmoothedRates {
    std::vector<double> raw, smoothed, lower, upper;
    std::vector<double> shrinkage;  // (α + β) / (α + β + n_i): 1 = all prior, 0 = all data
    double town_rate = 0.0;         // m
    double prior_variance = 0.0;    // A (after flooring)
    double alpha = 0.0, beta = 0.0;
    double confidence = 0.95;
};

// Throws Error when a count exceeds its population or is negative, or the town has no people.
SmoothedRates smooth_rates(std::span<const double> cases, std::span<const double> population,
                           double confidence = 0.95);

}  // namespace cohesion
