#include "inference/bootstrap_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/error.hpp"
#include "inference/bootstrap.hpp"

namespace cohesion {

IntervalMethod parse_interval_method(std::string_view text) {
    if (text == "debiased") return IntervalMethod::debiased;
    if (text == "percentile") return IntervalMethod::percentile;
    throw Error(Field{"interval"},
                "expected 'debiased' or 'percentile', got '" + std::string(text) + "'");
}

std::string to_string(IntervalMethod method) {
    return method == IntervalMethod::debiased ? "debiased" : "percentile";
}

std::string describe(IntervalMethod method, double confidence) {
    if (method == IntervalMethod::debiased)
        return fmt::format("estimate = bias-corrected value (mean of 2 x value - replicate, as R segregation does); "
                           "{:g}% interval = percentiles of those debiased replicates; raw_value = the index on the data "
                           "as given; bias = raw_value - estimate",
                           100.0 * confidence);
    return fmt::format("estimate = the index on the data as given; {:g}% interval = percentiles of the bootstrap "
                       "replicates (for small groups it can lie wholly above the estimate); bias = mean of replicates - "
                       "estimate",
                       100.0 * confidence);
}

std::vector<double> interval_replicates(double raw_value, std::span<const double> replicates, IntervalMethod method) {
    std::vector<double> out(replicates.begin(), replicates.end());
    if (method == IntervalMethod::debiased)
        for (double& v : out) v = 2.0 * raw_value - v;
    return out;
}

BootstrapSummary summarise_bootstrap(double raw_value, std::span<const double> replicates, double confidence,
                                     IntervalMethod method) {
    if (!(confidence > 0.0 && confidence < 1.0))
        throw Error(Field{"confidence"}, "expected a confidence level between 0 and 1");
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    BootstrapSummary s;
    s.method = method;
    s.confidence = confidence;
    s.raw_value = raw_value;
    std::vector<double> used;
    used.reserve(replicates.size());
    for (double v : replicates)
        if (std::isfinite(v)) used.push_back(v);
    s.replicates = used.size();
    s.undefined = replicates.size() - used.size();
    if (used.size() < 2 || !std::isfinite(raw_value)) {
        s.estimate = s.standard_error = s.ci_lower = s.ci_upper = s.bias = s.replicate_mean = nan;
        if (method == IntervalMethod::percentile) s.estimate = raw_value;
        return s;
    }
    const double n = static_cast<double>(used.size());
    s.replicate_mean = std::accumulate(used.begin(), used.end(), 0.0) / n;
    std::vector<double> values = interval_replicates(raw_value, used, method);
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    double ss = 0.0;
    for (double v : values) ss += (v - mean) * (v - mean);
    s.standard_error = std::sqrt(ss / (n - 1.0));
    std::sort(values.begin(), values.end());
    const double tail = (1.0 - confidence) / 2.0;
    s.ci_lower = percentile_of_sorted(values, tail);
    s.ci_upper = percentile_of_sorted(values, 1.0 - tail);
    // R: est = mean(est_debiased), bias = first(est) - mean(est_debiased).
    s.estimate = method == IntervalMethod::debiased ? mean : raw_value;
    s.bias = method == IntervalMethod::debiased ? raw_value - mean : s.replicate_mean - raw_value;
    return s;
}

}  // namespace cohesion
