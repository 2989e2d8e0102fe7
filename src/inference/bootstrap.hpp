#pragma once
// Bootstrap inference for any registry index: replicate tables drawn by multinomial
// resampling of the population (resample_people), the index recomputed on each.
// Reports the standard error, a percentile confidence interval and the bias-corrected
// estimate 2·θ̂ − mean(θ*), as R `segregation` does with se = TRUE.
// Source: Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman &
// Hall; for segregation indices, Elbers (2023), Sociological Methods & Research 52(1).
#include <cstdint>
#include <functional>
#include <stop_token>
#include <vector>

#include "core/count_matrix.hpp"
#include "indices/index.hpp"

namespace cohesion {

using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

struct BootstrapOptions {
    int replicates = 100;
    double confidence = 0.95;
    std::uint64_t seed = 20170601;
    ProgressCallback progress;  // optional; called from worker threads, must be thread-safe
    std::stop_token stop;       // optional; a stop request throws Cancelled between replicates
};

struct BootstrapResult {
    double estimate = 0.0;
    double mean = 0.0;            // mean of the replicates
    double standard_error = 0.0;
    double ci_lower = 0.0, ci_upper = 0.0;  // percentile interval
    double bias = 0.0;            // mean − estimate
    double bias_corrected = 0.0;  // estimate − bias
    std::vector<double> replicates;
};

BootstrapResult bootstrap(const IndexDefinition& index, const CountMatrix& counts, const IndexParams& params,
                          const BootstrapOptions& options);

// Replicate values as a BootstrapResult (standard error, percentile interval of the raw
// replicates, bias correction) for bootstrap(). The headline estimate and its interval
// that front ends show come from summarise_bootstrap (bootstrap_summary.hpp).
BootstrapResult bootstrap_result(double estimate, std::vector<double> replicates, double confidence);

// Throws the CLI-facing errors for a replicate count below 2 or a confidence outside (0, 1).
void check_bootstrap_options(int replicates, double confidence);

// Percentile of sorted values with linear interpolation (R type 7, numpy default).
double percentile_of_sorted(const std::vector<double>& sorted, double q);

// Runs f(replicate) for replicate = 0..n-1 in parallel and returns the values in replicate
// order; the seed stream of a replicate depends only on its number.
// A stop request throws Cancelled (checked before each replicate).
std::vector<double> run_replicates(int n, const std::function<double(int)>& f, const ProgressCallback& progress,
                                   const std::stop_token& stop = {});

}  // namespace cohesion
