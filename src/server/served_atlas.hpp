#pragma once
// ServedAtlas — a finished national atlas (`cohesion atlas --out DIR`) loaded once by
// `cohesion serve --atlas DIR` for /api/atlas: its typed rows (atlas/atlas_folder) and the
// LAD polygons of its atlas.gpkg as GeoJSON, simplified for the web (GEOS, 250 m: the LAD
// outlines of England and Wales shrink to a small fraction and still read as places).
#include <optional>
#include <string>

#include "atlas/atlas_folder.hpp"
#include "geo/geojson_features.hpp"

namespace cohesion {

inline constexpr double atlas_web_simplify_metres = 250.0;

struct ServedAtlas {
    AtlasFolder atlas;
    std::optional<GeoJsonGeometries> geojson;  // none when the atlas was written with --boundaries none
};

ServedAtlas load_served_atlas(const std::string& folder);

}  // namespace cohesion
