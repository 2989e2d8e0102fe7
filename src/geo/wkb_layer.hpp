#pragma once
// An AreaLayer from geometries already in memory as WKB with a CRS (e.g. a GeoPandas
// GeoDataFrame handed over by the Python package), checked, projected and measured
// exactly as load_area_layer does for a file, so both give the same weights and indices.
#include <string>
#include <string_view>
#include <vector>

#include "geo/area_layer.hpp"

namespace cohesion {

struct WkbAreas {
    std::string source = "GeoDataFrame";  // for messages
    std::string code_field = "id";        // for messages
    std::vector<std::string> codes;
    std::vector<std::string_view> wkb;    // one geometry per code (ISO or extended WKB)
    std::string crs;                      // anything OGRSpatialReference::SetFromUserInput reads (WKT, EPSG:n, PROJ);
                                          // empty = none (longitude/latitude assumed when the extent allows)
};

AreaLayer area_layer_from_wkb(const WkbAreas& areas, const AreaLayerOptions& options = {});

}  // namespace cohesion
