#pragma once
// Writing per-area results (a ResultTable whose first column holds area codes) joined
// to the areas' polygons as a vector layer: GeoJSON (.geojson, WGS 84 as RFC 7946
// requires), GeoPackage (.gpkg, in the analysis CRS) or PostGIS ("PG:..." connection
// string). Files are written to a temporary name and renamed when complete.
// A GeoPackage also gets the notes as metadata, a default QGIS style (`layer_styles`)
// and, where the table names zones, the zones dissolved into a second layer.
#include <string>
#include <vector>

#include "geo/area_layer.hpp"
#include "output/result_table.hpp"

namespace cohesion {

// What a layer carries besides its features (GeoPackage only; GeoJSON and PostGIS get
// the features alone).
struct LayerExtras {
    std::vector<std::string> notes;  // the results' notes, as the layer's metadata (gpkg_metadata)
    std::string style_column;        // the column a default QGIS style colours (layer_style.hpp)
    // A column naming a zone (enclave, licensing zone): its areas are dissolved (GEOS
    // union) into one polygon per zone, written as a second layer NAME_zones beside the
    // member areas, with an outline style.
    std::string zone_column;
};

bool is_layer_output(const std::string& path);  // .geojson, .gpkg or PG:
void write_result_layer(const ResultTable& result, const AreaLayer& layer, const std::string& destination,
                        const std::string& layer_name = "cohesion", const LayerExtras& extras = {});

}  // namespace cohesion
