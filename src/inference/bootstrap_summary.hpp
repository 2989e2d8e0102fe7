#pragma once
// What a headline index and its interval are, given the index on the data (θ̂) and its
// bootstrap replicates (θ*_b). A pure function, so every front end (indices, compare,
// rankings, the report) summarises replicates the same way (docs/inference.md).
//
// Segregation indices are biased upwards in samples: chance unevenness adds to real
// unevenness, and a bootstrap replicate adds the same chance unevenness again, so the
// replicates sit above θ̂ by about as much as θ̂ sits above the population value. A
// percentile interval of the raw replicates then lies wholly above θ̂ for small groups
// (Bedford 2011: M = 0.2092, percentile interval 0.2207–0.2265).
//
// IntervalMethod::debiased (the default) follows R `segregation` 1.1.0
// (`bootstrap_summary` in R/segregation.R; Elbers 2023, Sociological Methods & Research
// 52(1)): each replicate is debiased as d_b = 2·θ̂ − θ*_b, and
//   estimate = mean(d_b)           (= θ̂ − (mean θ* − θ̂), the bias-corrected estimate)
//   std_error = sd(d_b)            (n − 1 denominator, R's sd; equals sd(θ*_b))
//   interval = quantiles of d_b at (1 − c)/2 and (1 + c)/2, R type 7 (R's quantile default)
//   bias = θ̂ − estimate            (= mean θ* − θ̂)
// The interval contains the estimate, and both move down by the bias.
//
// IntervalMethod::percentile: the plain percentile bootstrap (Efron & Tibshirani 1993,
// §13.3): estimate = θ̂, interval = quantiles of θ*_b. Same std_error and bias.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cohesion {

enum class IntervalMethod { debiased, percentile };

// "debiased" / "percentile"; throws Error about the field "interval" otherwise.
IntervalMethod parse_interval_method(std::string_view text);
std::string to_string(IntervalMethod method);
// One plain-English sentence for table notes and the report.
std::string describe(IntervalMethod method, double confidence);

struct BootstrapSummary {
    IntervalMethod method = IntervalMethod::debiased;
    double confidence = 0.95;
    double raw_value = 0.0;       // θ̂, the index on the data as given
    double estimate = 0.0;        // the headline: mean(2θ̂ − θ*) (debiased) or θ̂ (percentile)
    double standard_error = 0.0;  // sd of the replicates
    double ci_lower = 0.0, ci_upper = 0.0;
    double bias = 0.0;            // mean(θ*) − θ̂: how far chance pushes the index up
    double replicate_mean = 0.0;  // mean(θ*)
    std::size_t replicates = 0;   // replicates used (finite values)
    std::size_t undefined = 0;    // replicates where the index was undefined (NaN), left out
};

// The replicates the interval of `method` is taken from: 2θ̂ − θ*_b (debiased) or θ*_b
// (percentile). Rank intervals rank these, so they agree with the headline estimates.
std::vector<double> interval_replicates(double raw_value, std::span<const double> replicates, IntervalMethod method);

// Replicates that are not finite (an index undefined on a replicate, e.g. a group drawn
// empty) are left out and counted in `undefined`; R would return NA instead. With fewer
// than two usable replicates every field but raw_value is NaN.
BootstrapSummary summarise_bootstrap(double raw_value, std::span<const double> replicates, double confidence,
                                     IntervalMethod method);

}  // namespace cohesion
