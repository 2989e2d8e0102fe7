#pragma once
// A group's enclaves in a table with spatial weights: its share per area, the G*/LISA
// hot-spot test of that share, and the enclaves built from the hot spots — the one
// pipeline behind `cohesion enclaves`, `emerging`, the report and the API — with the
// result tables they all show.
#include <span>
#include <string>
#include <vector>

#include "analysis/group_share.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "output/result_table.hpp"
#include "spatial/enclaves.hpp"

namespace cohesion {

struct GroupEnclaves {
    GroupShare share;
    HotSpots hot_spots;
    std::vector<Enclave> enclaves;
};

// `area_km2` holds one land area per table area (may be empty: areas unknown).
GroupEnclaves group_enclaves(const Table& table, const std::string& group, const Weights& weights,
                             std::span<const double> area_km2, const HotSpotOptions& hot_spots,
                             const EnclaveOptions& options = {});

// enclave, name (the places it covers), areas, core_area, population, group_count, group_share, share_of_group_in_town, area_km2
ResultTable enclave_list_table(const std::string& group, const std::vector<Enclave>& enclaves);
// area, enclave, name, population, group, share — one row per member area.
ResultTable enclave_member_table(const Table& table, const GroupEnclaves& found);

}  // namespace cohesion
