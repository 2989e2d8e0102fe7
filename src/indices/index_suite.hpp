#pragma once
// IndexSuite — computing a chosen set of registry indices on a Table: every
// multigroup index on all groups, every two-group index for each focal group
// (vs the rest, or vs one named group). This is the one place that turns a
// table + a request into CountMatrix views, so the CLI, server and report agree.
#include <string>
#include <vector>

#include "core/count_matrix.hpp"
#include "core/table.hpp"
#include "indices/registry.hpp"

namespace cohesion {

struct SuiteRequest {
    std::vector<std::string> indices;  // registry names; empty = every two-group and multigroup index
    std::vector<std::string> focal;    // focal groups for two-group indices; empty = every group
    std::string versus;                // empty = "rest of the population"; else a group name
    bool include_stochastic = true;    // simulation-based indices cost ~simulations × an index
    IndexParams params;
};

// One computation to run: an index on one CountMatrix view.
struct SuiteItem {
    const IndexDefinition* index;
    std::string focal;       // focal group, or "all groups"
    std::string comparison;  // "rest", a group name, or "" for multigroup
    std::size_t view;        // index into SuitePlan::views
};

// How a view was made from the table, so resampling can rebuild it from a replicate table.
struct ViewSource {
    enum class Kind { all_groups, vs_rest, pair } kind = Kind::all_groups;
    std::size_t group = 0;  // vs_rest, pair: the focal group's column in the table
    std::size_t other = 0;  // pair: the other group's column
};

struct SuitePlan {
    std::vector<CountMatrix> views;
    std::vector<ViewSource> sources;  // parallel to views
    std::vector<SuiteItem> items;
};

SuitePlan plan_suite(const Table& table, const SuiteRequest& request);
std::vector<double> run_suite(const SuitePlan& plan, const IndexParams& params);

}  // namespace cohesion
