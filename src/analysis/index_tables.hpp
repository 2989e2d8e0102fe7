#pragma once
// The result tables every front end shows for indices: the index suite on a table with
// optional bootstrap intervals and randomisation tests, and per-area local statistics.
// One place, so the CLI (`indices`, `local`), the HTTP API and the report give the same
// numbers with the same notes.
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "indices/index_suite.hpp"
#include "inference/bootstrap_summary.hpp"
#include "output/result_table.hpp"

namespace cohesion {

struct IndexTableRequest {
    SuiteRequest suite;
    int bootstrap = 0;         // replicates; 0 = none
    int randomisation = 0;     // replicates; 0 = none
    double confidence = 0.95;
    // How the bootstrap headline and interval are formed (docs/inference.md): debiased
    // (R segregation's, the default) or the plain percentile interval of the replicates.
    IntervalMethod interval = IntervalMethod::debiased;
    // Called as inference runs, with (replicate tables done, total), from one thread at a time:
    // progress bars.
    std::function<void(std::size_t, std::size_t)> progress;
    std::stop_token stop;  // cancels the bootstrap and randomisation loops (throws Cancelled)
};

// Columns: index, kind, focal, versus, then
//   without bootstrap: value
//   with bootstrap:    estimate (the headline, see IntervalMethod), raw_value, std_error,
//                      ci_lower, ci_upper, bias
// [, expected_if_random, excess_over_random (= raw value − expected), p_value,
//  beyond_chance ("yes" when p < 0.05)] with randomisation.
ResultTable index_table(const Table& table, const IndexTableRequest& request);

// One row per table area (zero-population areas keep their row with empty cells):
// area, population, then each local index's columns. `indices` empty = every local index.
ResultTable local_table(const Table& table, const std::vector<std::string>& indices);

}  // namespace cohesion
