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

enum class IndexKind {
    two_group,   // reads column 0 (focal group x) and column 1 (the rest y) of the CountMatrix
    multigroup,  // reads all K columns
    local,       // one value per unit (and possibly per group)
    spatial,     // two-group or multigroup, reads IndexParams::weights and/or ::geometry
};

std::string to_string(IndexKind kind);

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
    IndexKind kind = IndexKind::two_group;
    bool stochastic = false;       // depends on simulation (seeded)
    bool needs_unit_areas = false; // requires IndexParams::unit_areas
    bool needs_weights = false;    // requires IndexParams::weights
    bool needs_geometry = false;   // requires IndexParams::geometry
    bool multigroup_input = false; // spatial kind only: reads all K groups (else columns 0/1 as two-group)
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
    std::function<double(const IndexInput&)> compute;               // two-group and multigroup
    std::function<LocalColumns(const IndexInput&)> compute_local;   // local
};

}  // namespace cohesion
