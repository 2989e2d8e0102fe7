#pragma once
// A group's enclaves on a table joined to its polygons, as result tables with the notes
// every front end shows: the enclave list, then one row per member area (the map layer)
// (`cohesion enclaves`, the Python package's `enclaves`).
#include <span>
#include <string>
#include <vector>

#include "analysis/spatial_data.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "output/result_table.hpp"
#include "spatial/enclaves.hpp"

namespace cohesion {

std::vector<ResultTable> enclave_tables(const SpatialData& data, const std::string& group,
                                        const HotSpotOptions& hot_spots, const EnclaveOptions& options);
// The same on a table, its weights and land areas (km², table order) with the join's notes.
std::vector<ResultTable> enclave_tables(const Table& table, const Weights& weights, std::span<const double> area_km2,
                                        const std::vector<std::string>& spatial_notes, const std::string& group,
                                        const HotSpotOptions& hot_spots, const EnclaveOptions& options);

}  // namespace cohesion
