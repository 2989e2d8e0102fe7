#include "inference/comparison.hpp"

#include <algorithm>
#include <cmath>

#include "sampling/random.hpp"

namespace cohesion {

ComparisonResult compare_tables(const IndexDefinition& index, const CountMatrix& a, const CountMatrix& b,
                                const IndexParams& params, const BootstrapOptions& options, IntervalMethod method) {
    BootstrapOptions options_b = options;
    options_b.seed = splitmix64(options.seed + 1);  // independent streams for the two tables
    const BootstrapResult ra = bootstrap(index, a, params, options);
    const BootstrapResult rb = bootstrap(index, b, params, options_b);
    ComparisonResult c;
    c.a = summarise_bootstrap(ra.estimate, ra.replicates, options.confidence, method);
    c.b = summarise_bootstrap(rb.estimate, rb.replicates, options.confidence, method);
    c.value_a = c.a.estimate;
    c.value_b = c.b.estimate;
    c.raw_difference = rb.estimate - ra.estimate;
    std::vector<double> differences(ra.replicates.size());
    for (std::size_t r = 0; r < differences.size(); ++r) differences[r] = rb.replicates[r] - ra.replicates[r];
    c.difference = summarise_bootstrap(c.raw_difference, differences, options.confidence, method);
    // The p-value inverts the interval: count the replicates the interval is taken from.
    std::size_t not_positive = 0, not_negative = 0, used = 0;
    for (double d : interval_replicates(c.raw_difference, differences, method)) {
        if (!std::isfinite(d)) continue;
        ++used;
        not_positive += d <= 0.0;
        not_negative += d >= 0.0;
    }
    const double n = static_cast<double>(used);
    c.p_value = std::min(1.0, 2.0 * (1.0 + static_cast<double>(std::min(not_positive, not_negative))) / (n + 1.0));
    return c;
}

}  // namespace cohesion
