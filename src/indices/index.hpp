#pragma once
// The index interface: every segregation/exposure index is one small file that
// registers an IndexDefinition (metadata + compute function) with the registry.
// The CLI, the report, docs/indices.md and inference iterate the registry, so a
// new index appears everywhere without special cases.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/count_matrix.hpp"

namespace cohesion {

// Spatial indices read neighbours and geometry (weights layer); declared here only, so that
// a change to the weights headers does not recompile every index and front end.
struct UnitGeometry;
struct Weights;

// Each index is described on three independent axes; every front end derives what it does
// with an index from these (which view it gets, which command shows it, what it is called),
// so a new combination — e.g. the first multigroup spatial index — needs no edit elsewhere.

// Groups: which CountMatrix view the index reads.
enum class IndexGroups {
    two_group,   // column 0 (focal group x) and column 1 (the rest, or one other group, y)
    multigroup,  // all K columns at once
};

// Output: one number for the whole area, or one row of values per area.
enum class IndexOutput {
    one_value,  // IndexDefinition::compute
    per_area,   // IndexDefinition::compute_local
};

// Inputs beyond the counts that the index reads from IndexParams. An index whose needs
// are not supplied is left out of a default set with a note, and refused when named.
struct IndexNeeds {
    bool unit_areas = false;  // IndexParams::unit_areas (land per area, from the boundaries)
    bool weights = false;     // IndexParams::weights (neighbours)
    bool geometry = false;    // IndexParams::geometry (areas, perimeters, centroids, borders)

    bool any() const { return unit_areas || weights || geometry; }
    // Reads where areas are, not only their sizes: a "spatial" index.
    bool spatial() const { return weights || geometry; }
    // Every need of *this is among `supplied`.
    bool met_by(const IndexNeeds& supplied) const {
        return (!unit_areas || supplied.unit_areas) && (!weights || supplied.weights) &&
               (!geometry || supplied.geometry);
    }
};

struct IndexParams {
    std::uint64_t seed = 20170601;  // simulation-based indices draw from (seed, replicate)
    int simulations = 500;          // replicates for simulation-based indices (pysal default)
    std::span<const double> unit_areas;  // km² per unit (same order as the CountMatrix), for indices that need it
    const Weights* weights = nullptr;         // spatial indices: neighbours of each CountMatrix unit
    const UnitGeometry* geometry = nullptr;   // spatial indices: areas, perimeters, centroids, shared borders
    // Distance unit of the exp(−d) proximity in clustering/proximity indices, in metres:
    // 1000 = kilometres as Massey & Denton (1988) publish; 1 = metres, as pysal 2.5 computes.
    double proximity_unit_m = 1000.0;
};

struct IndexInput {
    const CountMatrix& counts;
    const IndexParams& params;
};

struct IndexInfo {
    std::string name;         // stable identifier used on the CLI and in outputs, snake_case
    std::string title;        // human title
    std::string description;  // one sentence: what it measures
    std::string formula;      // plain-text formula
    std::string reference;    // source paper
    std::string library_name; // name in pysal `segregation` / R `segregation`, for cross-checks
    IndexGroups groups = IndexGroups::two_group;
    IndexOutput output = IndexOutput::one_value;
    IndexNeeds needs = {};
    bool stochastic = false;       // depends on simulation (seeded)
    double min_value = 0.0;        // documented range
    double max_value = 1.0;
};

// Per-unit output of a local index: named columns of length units.
struct LocalColumns {
    std::vector<std::string> names;
    std::vector<std::vector<double>> values;
};

struct IndexDefinition {
    IndexInfo info;
    std::function<double(const IndexInput&)> compute;               // IndexOutput::one_value
    std::function<LocalColumns(const IndexInput&)> compute_local;   // IndexOutput::per_area
};

// The readable name of an index's axes, shown as the `kind` column of listings and tables
// and as the sections of docs/indices.md: "two-group", "multigroup", "local" (per area),
// "spatial" (one value, reads weights or geometry), "spatial multigroup", "local two-group".
std::string kind_label(const IndexInfo& info);
// Listing order of kind_label (two-group, multigroup, local, spatial...), so listings group
// indices as the docs do.
int kind_order(const IndexInfo& info);

}  // namespace cohesion
