#include "geo/geojson_features.hpp"

#include <cpl_conv.h>
#include <ogr_api.h>
#include <nlohmann/json.hpp>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>
#include <unordered_map>

#include "core/error.hpp"
#include "geo/coordinate_transformation.hpp"

namespace cohesion {

GeoJsonGeometries geojson_geometries(const AreaLayer& layer, double simplify_metres) {
    OGRSpatialReference from, wgs84;
    from.SetFromUserInput(layer.crs.c_str());
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> t = make_transformation(from, wgs84);
    if (!t) throw Error(Location{layer.source, 0, ""}, "cannot transform " + layer.crs + " to WGS 84");
    GeoJsonGeometries g;
    g.codes = layer.codes;
    g.geometry.reserve(layer.size());
    char** options = CSLSetNameValue(nullptr, "COORDINATE_PRECISION", "6");
    for (std::size_t k = 0; k < layer.size(); ++k) {
        std::unique_ptr<OGRGeometry> copy(simplify_metres > 0.0
                                              ? layer.geometry[k]->SimplifyPreserveTopology(simplify_metres)
                                              : nullptr);
        if (!copy || copy->IsEmpty()) copy.reset(layer.geometry[k]->clone());  // simplified away: keep the original
        if (copy->transform(t.get()) != OGRERR_NONE)
            throw Error(Location{layer.source, k + 1, ""}, "cannot transform area " + layer.codes[k] + " to WGS 84");
        char* json = OGR_G_ExportToJsonEx(OGRGeometry::ToHandle(copy.get()), options);
        g.geometry.emplace_back(json ? json : "null");
        CPLFree(json);
    }
    CSLDestroy(options);
    return g;
}

std::string features_geojson(const ResultTable& t, const GeoJsonGeometries& g) {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t k = 0; k < g.codes.size(); ++k) index.emplace(g.codes[k], k);
    std::string out = R"({"type":"FeatureCollection","features":[)";
    bool first = true;
    for (const auto& row : t.rows) {
        const auto* code = row.empty() ? nullptr : std::get_if<std::string>(&row[0]);
        if (!code) continue;
        const auto it = index.find(*code);
        if (it == index.end()) continue;
        nlohmann::json props = nlohmann::json::object();
        for (std::size_t c = 0; c < row.size() && c < t.columns.size(); ++c)
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) props[t.columns[c]] = nullptr;
                    else if constexpr (std::is_same_v<T, double>) {
                        if (std::isfinite(v)) props[t.columns[c]] = v;
                        else props[t.columns[c]] = nullptr;
                    } else props[t.columns[c]] = v;
                },
                row[c]);
        out += first ? "" : ",";
        first = false;
        out += R"({"type":"Feature","properties":)" + props.dump() + R"(,"geometry":)" + g.geometry[it->second] + "}";
    }
    return out + "]}";
}

}  // namespace cohesion
