#pragma once
// IndexSuite — which registry indices a request runs, and on which CountMatrix views. The one
// place that reads the index axes (index.hpp): a two-group index runs on one view per focal
// group (vs the rest, or vs one named group), a multigroup index on the all-groups view; the
// request's output axis picks one-value or per-area indices; indices needing inputs the caller
// does not supply (land areas, weights, geometry from boundaries) are left out of the default
// set with a note, and refused when named. The CLI commands, the server, the report and the
// Python package plan through here, so a new index appears in each without an edit there.
#include <string>
#include <vector>

#include "core/count_matrix.hpp"
#include "core/table.hpp"
#include "indices/registry.hpp"

namespace cohesion {

struct SuiteRequest {
    std::vector<std::string> indices;  // registry names; empty = the default set (below)
    std::vector<std::string> focal;    // focal groups for two-group indices; empty = every group
    std::string versus;                // empty = "rest of the population"; else a group name
    bool include_stochastic = true;    // default set: simulation-based indices cost ~simulations × an index
    IndexOutput output = IndexOutput::one_value;  // one value per index and view, or per-area columns
    // Inputs the caller gives the indices, besides those already in `params` (e.g. weights and
    // geometry it builds per view); the default set is every index of `output` whose needs
    // these meet.
    IndexNeeds supplied;
    // Default set only: just the indices that read the boundaries (IndexNeeds::any), as
    // `cohesion spatial` shows them.
    bool needing_boundaries_only = false;
    IndexParams params;
};

// What `params` supplies by itself (non-empty unit_areas, non-null weights and geometry).
IndexNeeds supplied_by(const IndexParams& params);

// The indices a request runs, in registry order (or the order named), with a note for each
// kind of index the default set left out and why.
struct IndexChoice {
    std::vector<const IndexDefinition*> indices;
    std::vector<std::string> notes;
};
// Throws Error naming the index when a named one has the wrong output or unmet needs.
IndexChoice choose_indices(const SuiteRequest& request);

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
    std::vector<CountMatrix> views;   // the all-groups view first (when used), then one per focal group
    std::vector<ViewSource> sources;  // parallel to views
    std::vector<SuiteItem> items;     // per view, in the order of choose_indices
    std::vector<std::string> notes;   // IndexChoice::notes
};

SuitePlan plan_suite(const Table& table, const SuiteRequest& request);
// One-value items (IndexOutput::one_value), in plan order; the same params for every view.
std::vector<double> run_suite(const SuitePlan& plan, const IndexParams& params);
// As above with each view's own params (weights and geometry follow a view's populated units).
std::vector<double> run_suite(const SuitePlan& plan, const std::vector<IndexParams>& params_of_view);
// Per-area items (IndexOutput::per_area), in plan order.
std::vector<LocalColumns> run_local_suite(const SuitePlan& plan, const IndexParams& params);

}  // namespace cohesion
