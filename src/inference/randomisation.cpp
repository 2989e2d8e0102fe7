#include "inference/randomisation.hpp"

#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "sampling/random.hpp"
#include "inference/resampling.hpp"

namespace cohesion {

void check_randomisation_options(int replicates) {
    if (replicates < 2) throw Error(Field{"randomisation"}, "expected at least 2 randomisation replicates");
}

RandomisationResult summarise_randomisation(double observed, std::vector<double> replicates) {
    RandomisationResult r;
    r.observed = observed;
    r.replicates = std::move(replicates);
    const double n = static_cast<double>(r.replicates.size());
    r.expected = std::accumulate(r.replicates.begin(), r.replicates.end(), 0.0) / n;
    double ss = 0.0;
    std::size_t at_least = 0;
    for (double v : r.replicates) {
        ss += (v - r.expected) * (v - r.expected);
        at_least += v >= r.observed;
    }
    r.standard_deviation = std::sqrt(ss / (n - 1.0));
    r.p_value = (1.0 + static_cast<double>(at_least)) / (1.0 + n);
    return r;
}

RandomisationResult randomisation_test(const IndexDefinition& index, const CountMatrix& counts,
                                       const IndexParams& params, const RandomisationOptions& options) {
    check_randomisation_options(options.replicates);
    if (!index.compute) throw Error("randomisation: '" + index.info.name + "' is not a single-value index");
    const double observed = index.compute(IndexInput{counts, params});
    // A stream distinct from the bootstrap's for the same seed.
    const std::uint64_t seed = splitmix64(options.seed ^ 0xA5A5A5A5A5A5A5A5ULL);
    std::vector<double> replicates = run_replicates(
        options.replicates,
        [&](int replicate) {
            auto engine = replicate_engine(seed, static_cast<std::uint64_t>(replicate));
            const CountMatrix random_table = allocate_at_random(counts, engine);
            return index.compute(IndexInput{random_table, params});
        },
        options.progress, options.stop);
    return summarise_randomisation(observed, std::move(replicates));
}

}  // namespace cohesion
