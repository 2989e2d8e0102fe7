#include "server/served_atlas.hpp"

#include "geo/area_layer.hpp"

namespace cohesion {

ServedAtlas load_served_atlas(const std::string& folder) {
    ServedAtlas s;
    s.atlas = read_atlas_folder(folder);
    if (!s.atlas.polygons.empty()) {
        AreaLayerOptions o;
        o.code_field = "code";
        s.geojson = geojson_geometries(load_area_layer(s.atlas.polygons, o), atlas_web_simplify_metres);
    }
    return s;
}

}  // namespace cohesion
