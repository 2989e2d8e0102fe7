#pragma once
// UnitGeometry — what spatial indices need to know about the units' shapes, aligned
// with the units of a CountMatrix (zero-population units removed, same order).
// Built from an area layer (src/geo) by the caller; indices never touch GDAL.
#include <cstddef>
#include <string>
#include <vector>

#include "weights/weights.hpp"

namespace cohesion {

struct UnitGeometry {
    std::vector<double> area_km2;     // land area of each unit
    std::vector<double> perimeter_m;  // perimeter of each unit
    std::vector<double> x, y;         // centroid in a projected CRS (metres)
    Weights shared_boundary_m;        // w_ij = length of the boundary shared by i and j (rook pairs)
    std::string crs;                  // e.g. "EPSG:27700"
    // Land of the whole study area including zero-population units (pysal keeps it for
    // Delta and concentration); 0 = use the sum of area_km2.
    double total_area_km2 = 0.0;
};

}  // namespace cohesion
