#pragma once
// The multilevel index of dissimilarity (MLID) and the M/H decomposition across every level of
// a hierarchy, as result tables (`cohesion multilevel`). The numbers come from the typed results
// of multilevel/; this file only chooses the data (levels, groups, omitted areas) and lays out
// the tables.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "multilevel/multilevel_dissimilarity.hpp"
#include "output/result_table.hpp"

namespace cohesion {

struct MultilevelRequest {
    // Base first, e.g. {"LSOA", "MSOA", "LAD", "RGN"}. The first may name the table's area
    // codes (e.g. "OA") when it is not one of the table's levels; rows are summed to the base.
    std::vector<std::string> levels;
    std::string group;               // Y; empty = every group against the rest, one row each
    std::string versus;              // X; empty = everybody else in the area (declared total − Y)
    std::vector<std::string> omit;   // areas (of any level) left out before the fit, as MLID's omit
    std::vector<std::string> places; // MLID effect(): scenarios for these higher-level areas
    std::string map_level;           // per-area table put last (for maps); default the level above the base
    std::size_t top = 10;            // areas listed for the other levels (largest impact first)
    std::size_t bootstrap = 0;       // parametric bootstrap replicates for the variance shares (0 = none)
    std::uint64_t seed = 2017;       // of the bootstrap and of the expected D
    std::size_t expected_draws = 100; // draws for D expected under random allocation (MLID's E(ID)); 0 = none
    std::function<void(const std::string&)> progress;  // optional, e.g. "fitting 3/14 Pakistani"
};

// The model's data: hierarchy and counts of Y and X per base unit, after `omit`.
MultilevelDissimilarity fit_multilevel_dissimilarity(const Table& table, const MultilevelRequest& request);

std::vector<ResultTable> multilevel_tables(const Table& table, const MultilevelRequest& request);

}  // namespace cohesion
