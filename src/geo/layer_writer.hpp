#pragma once
// Writing per-area results (a ResultTable whose first column holds area codes) joined
// to the areas' polygons as a vector layer: GeoJSON (.geojson, WGS 84 as RFC 7946
// requires), GeoPackage (.gpkg, in the analysis CRS) or PostGIS ("PG:..." connection
// string). Files are written to a temporary name and renamed when complete.
#include <string>

#include "geo/area_layer.hpp"
#include "output/result_table.hpp"

namespace cohesion {

bool is_layer_output(const std::string& path);  // .geojson, .gpkg or PG:
void write_result_layer(const ResultTable& result, const AreaLayer& layer, const std::string& destination,
                        const std::string& layer_name = "cohesion");

}  // namespace cohesion
