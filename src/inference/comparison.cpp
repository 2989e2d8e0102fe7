#include "inference/comparison.hpp"

#include <algorithm>
#include <cmath>

#include "inference/random.hpp"

namespace cohesion {

ComparisonResult compare_tables(const IndexDefinition& index, const CountMatrix& a, const CountMatrix& b,
                                const IndexParams& params, const BootstrapOptions& options) {
    BootstrapOptions options_b = options;
    options_b.seed = splitmix64(options.seed + 1);  // independent streams for the two tables
    const BootstrapResult ra = bootstrap(index, a, params, options);
    const BootstrapResult rb = bootstrap(index, b, params, options_b);
    ComparisonResult c;
    c.value_a = ra.estimate;
    c.value_b = rb.estimate;
    c.difference = rb.estimate - ra.estimate;
    std::vector<double> differences(ra.replicates.size());
    double mean = 0.0;
    std::size_t not_positive = 0, not_negative = 0;
    for (std::size_t r = 0; r < differences.size(); ++r) {
        differences[r] = rb.replicates[r] - ra.replicates[r];
        mean += differences[r];
        not_positive += differences[r] <= 0.0;
        not_negative += differences[r] >= 0.0;
    }
    const double n = static_cast<double>(differences.size());
    mean /= n;
    double ss = 0.0;
    for (double d : differences) ss += (d - mean) * (d - mean);
    c.standard_error = std::sqrt(ss / (n - 1.0));
    std::sort(differences.begin(), differences.end());
    const double tail = (1.0 - options.confidence) / 2.0;
    c.ci_lower = percentile_of_sorted(differences, tail);
    c.ci_upper = percentile_of_sorted(differences, 1.0 - tail);
    c.p_value = std::min(1.0, 2.0 * (1.0 + static_cast<double>(std::min(not_positive, not_negative))) / (n + 1.0));
    return c;
}

}  // namespace cohesion
