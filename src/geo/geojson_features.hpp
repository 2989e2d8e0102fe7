#pragma once
// GeoJSON text of per-area results for the web map: each area's geometry is converted to
// WGS 84 and serialised once (GeoJsonGeometries), then joined to any per-area ResultTable
// (first column = area code) per request, so serving a map costs one string build.
#include <string>
#include <vector>

#include "geo/area_layer.hpp"
#include "output/result_table.hpp"

namespace cohesion {

struct GeoJsonGeometries {
    std::vector<std::string> codes;
    std::vector<std::string> geometry;  // GeoJSON geometry objects, lon/lat, 6 decimals
};

// `simplify_metres` > 0: each polygon is first simplified (GEOS, topology preserving, via
// OGR) with that tolerance in the layer's projected CRS — national maps for the web (LAD
// outlines at a few hundred metres) are then a fraction of the size and draw at once.
GeoJsonGeometries geojson_geometries(const AreaLayer& layer, double simplify_metres = 0.0);
// A FeatureCollection of the rows whose area has a geometry; properties are the columns.
std::string features_geojson(const ResultTable& per_area, const GeoJsonGeometries& geometries);

}  // namespace cohesion
