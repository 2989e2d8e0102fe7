#pragma once
// Emerging enclaves as result tables (`cohesion emerging`, the Python package's `emerging`):
// a group's enclaves found in each census with the same weights and seed, matched into
// emerging / persisting / dissolved with the group's growth in each, and every area's
// membership in both years. The tables share the areas of `data` (the later table is
// restricted to them).
#include <string>
#include <vector>

#include "analysis/spatial_data.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "output/result_table.hpp"
#include "spatial/enclaves.hpp"

namespace cohesion {

struct EmergingRequest {
    std::string group;
    HotSpotOptions hot_spots;
    EnclaveOptions enclaves;
    double years = 10.0;                       // for annualised growth
    std::string label_a = "A", label_b = "B";  // where each table came from, for the notes
    int year_a = 0, year_b = 0;                // the censuses' years for the headline (0: "A"/"B")
};

// {enclaves: enclave, status, areas_a, areas_b, core_area, population_a/b, group_a/b,
//  share_a/b, annual_growth; areas: area, status, enclave_a/b, hot_spot_a/b, share_a/b, change_pp}
std::vector<ResultTable> emerging_tables(const SpatialData& data, const Table& later, const EmergingRequest& request);

}  // namespace cohesion
