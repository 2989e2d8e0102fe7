#pragma once
// One set of resamples for a whole index suite: each bootstrap (or randomisation) replicate
// table is drawn once and every requested index — all groups, M and H, D and isolation… — is
// evaluated on it, so asking for more indices costs index evaluations, not draws.
//
// How views share a draw: the suite's views are all functions of one "base" table, the
// table's groups plus, when a declared total (e.g. Persons) exceeds the sum of the listed
// groups, a residual column of the people in no listed group. A replicate of the base gives
// the multigroup view (its group columns) and every "group vs rest" view (the group, and the
// sum of the other columns) at once. The multinomial and the permutation (both margins fixed)
// distributions both collapse exactly under summing columns, so each derived view is drawn
// from the same distribution as if it had been resampled on its own, with its own total kept.
// A view whose total a base draw would not keep (group A vs group B only; the multigroup view
// when a residual column exists) is resampled as its own base, still once for all its indices.
//
// Reproducibility: replicate r of base b draws from an engine seeded by (seed, b, r) alone, so
// the values do not depend on the number of threads. With a single base that is the view
// itself (e.g. M alone) the replicates equal those of `bootstrap()` / `randomisation_test()`
// for the same seed.
#include <cstdint>
#include <stop_token>
#include <vector>

#include "core/table.hpp"
#include "indices/index_suite.hpp"
#include "inference/bootstrap.hpp"

namespace cohesion {

enum class ResampleScheme {
    bootstrap,      // multinomial resampling of people (resample_people / PeopleSampler)
    randomisation,  // people allocated to units at random, both margins fixed (allocate_at_random)
};

struct SuiteReplicateOptions {
    ResampleScheme scheme = ResampleScheme::bootstrap;
    int replicates = 100;
    std::uint64_t seed = 20170601;
    ProgressCallback progress;  // (replicate tables done, total); from worker threads, serialised here
    std::stop_token stop;       // a stop request throws Cancelled between replicates
};

// values[k][r]: item k of `plan` on replicate r. `table` must be the table `plan` was made from.
std::vector<std::vector<double>> suite_replicates(const Table& table, const SuitePlan& plan,
                                                  const IndexParams& params, const SuiteReplicateOptions& options);

// How many base tables a replicate draws for `plan` (progress totals: bases × replicates).
std::size_t suite_replicate_bases(const Table& table, const SuitePlan& plan);

}  // namespace cohesion
