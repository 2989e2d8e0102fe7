#pragma once
// Where a group's share clusters, as result tables: global Moran's I of the tested
// variable, then per area the LISA and Getis-Ord G* statistics with permutation p-values,
// FDR q-values and labels (`cohesion hotspots`, the Python package's `hotspots`).
#include <string>
#include <vector>

#include "analysis/spatial_data.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "output/result_table.hpp"

namespace cohesion {

// What is tested per area: "share" (of the group), "location_quotient", or
// "local_segregation" (each area's contribution to M over all groups).
std::vector<ResultTable> hot_spot_tables(const SpatialData& data, const std::string& group, const std::string& variable,
                                         const HotSpotOptions& options);
// The same on a table and its weights with the join's notes (the server's datasets keep
// them apart from a SpatialData), so every front end builds the same tables.
std::vector<ResultTable> hot_spot_tables(const Table& table, const Weights& weights,
                                         const std::vector<std::string>& spatial_notes, const std::string& group,
                                         const std::string& variable, const HotSpotOptions& options);

// The permutation settings and weights conventions, for the notes of every hot-spot result.
std::vector<std::string> hot_spot_notes(const HotSpotOptions& options);

}  // namespace cohesion
