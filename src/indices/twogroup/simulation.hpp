#pragma once
// Seeded randomness for the simulation-based two-group indices (modified_dissimilarity,
// modified_gini, bias_corrected_dissimilarity).
//
// Why it is its own header: src/sampling/random.hpp (counter-based per-replicate engine and
// fast binomial/multinomial samplers) is meant to replace it. Every two-group index draws
// only through the functions below, so the swap touches this one file.
//
// Reproducibility: replicate r always gets an engine seeded from (seed, r) alone, and the
// replicate values are combined in replicate order. A result therefore depends on the seed
// only, never on which thread ran which replicate or on how many threads there were.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include "core/error.hpp"
#include "indices/index.hpp"
#include "sampling/exact_null.hpp"
#include "sampling/lattice_alias.hpp"
#include "sampling/random.hpp"

namespace cohesion::twogroup_simulation {

using Engine = std::mt19937_64;

inline std::uint64_t splitmix64(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// For a fixed seed the map r -> engine seed is a bijection (odd multiply, xor with a constant,
// and splitmix64's finaliser are all invertible), so no two replicates share a stream.
inline Engine replicate_engine(std::uint64_t seed, std::uint64_t replicate) {
    return Engine(splitmix64(splitmix64(seed) ^ (replicate * 0xD1342543DE82EF95ULL + 1)));
}

// Every draw uses a fresh distribution object: libstdc++'s binomial_distribution keeps a cached
// normal deviate between calls, which, carried from one replicate to the next, would make a
// replicate's draws depend on how replicates were split across threads.
inline std::int64_t binomial(Engine& engine, std::int64_t n, double p) {
    // std::binomial_distribution requires 0 <= p <= 1 and is wasteful at the ends.
    if (n <= 0 || !(p > 0.0)) return 0;
    if (p >= 1.0) return n;
    return std::binomial_distribution<std::int64_t>(n, p)(engine);
}

// Binomial(n_i, p) for many units sharing one p (the Carrington–Troske null). Census units take
// a few hundred distinct sizes, so each size's distribution is tabulated once as an alias table
// and a draw is one engine call (lattice_alias.hpp), instead of a BTPE set-up per draw.
class SharedProbabilityBinomial {
public:
    SharedProbabilityBinomial(std::span<const std::int64_t> trials, double p) {
        std::vector<std::int64_t> distinct(trials.begin(), trials.end());
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (std::int64_t n : distinct) tables_.emplace_back(exact_null::binomial_pmf(n, p));
        slot_.reserve(trials.size());
        for (std::int64_t n : trials)
            slot_.push_back(static_cast<std::uint32_t>(std::lower_bound(distinct.begin(), distinct.end(), n) -
                                                       distinct.begin()));
    }

    // `random`: any 64-bit generator (the replicate's FastRandom in the simulation loops).
    template <class Random>
    std::int64_t draw(Random& random, std::size_t unit) const {
        return tables_[slot_[unit]].draw(random());
    }

private:
    std::vector<LatticeAlias> tables_;
    std::vector<std::uint32_t> slot_;
};

inline int checked_simulations(const IndexParams& params, const std::string& index) {
    if (params.simulations < 1)
        throw Error(index + " needs at least 1 simulation (got " + std::to_string(params.simulations) + ")");
    return params.simulations;
}

// Runs `replicate(engine, scratch)` for r = 0 .. count-1 in parallel; values come back in
// replicate order. `make_scratch()` builds per-task working memory so replicates in one task
// reuse their buffers.
template <class MakeScratch, class Replicate>
std::vector<double> run_replicates(int count, std::uint64_t seed, MakeScratch make_scratch, Replicate replicate) {
    std::vector<double> values(static_cast<std::size_t>(count));
    tbb::parallel_for(tbb::blocked_range<int>(0, count), [&](const tbb::blocked_range<int>& range) {
        auto scratch = make_scratch();
        for (int r = range.begin(); r != range.end(); ++r) {
            Engine engine = replicate_engine(seed, static_cast<std::uint64_t>(r));
            values[static_cast<std::size_t>(r)] = replicate(engine, scratch);
        }
    });
    return values;
}

// Summed in replicate order so the rounding, too, is independent of the thread count.
inline double mean_in_order(const std::vector<double>& values) {
    long double sum = 0.0L;
    for (double v : values) sum += v;
    return static_cast<double>(sum / static_cast<long double>(values.size()));
}

}  // namespace cohesion::twogroup_simulation
