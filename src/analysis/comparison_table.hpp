#pragma once
// The same indices on two tables (two towns, or two years) with the difference, its
// bootstrap confidence interval and a p-value, as one result table (`cohesion compare`,
// `cohesion run`, the Python package's `compare`).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "inference/bootstrap_summary.hpp"
#include "output/result_table.hpp"

namespace cohesion {

struct ComparisonRequest {
    std::vector<std::string> indices;  // empty = every deterministic two-group and multigroup index
    std::vector<std::string> focal;    // empty = every group
    int bootstrap = 200;
    double confidence = 0.95;
    std::uint64_t seed = 20170601;
    IntervalMethod interval = IntervalMethod::debiased;  // docs/inference.md
    std::string label_a = "A", label_b = "B";  // where each table came from, for the notes
    std::function<void(std::size_t, std::size_t)> progress;  // after each index: (done, total)
};

// Columns: index, focal, versus, A, B, difference (estimates of the interval method),
// raw_A, raw_B, raw_difference (on the data as given), std_error, ci_lower, ci_upper, p_value.
ResultTable comparison_table(const Table& a, const Table& b, const ComparisonRequest& request);

}  // namespace cohesion
