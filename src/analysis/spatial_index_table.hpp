#pragma once
// The spatial segregation indices of each group (vs the rest) and the multigroup spatial
// indices on a table joined to its polygons, as one result table (`cohesion spatial`, the
// Python package's `spatial_indices`).
#include <string>
#include <vector>

#include "analysis/spatial_data.hpp"
#include "output/result_table.hpp"

namespace cohesion {

struct SpatialIndexRequest {
    std::vector<std::string> indices;  // empty = every index that reads the boundaries (IndexNeeds::any), any groups
    std::vector<std::string> focal;    // empty = every group
    double proximity_unit_m = 1000.0;  // exp(-d) distance unit: 1000 = km (Massey & Denton), 1 = m (pysal 2.5)
};

// Columns: index, focal, versus, value.
ResultTable spatial_index_table(const SpatialData& data, const SpatialIndexRequest& request);

}  // namespace cohesion
