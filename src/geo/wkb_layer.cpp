#include "geo/wkb_layer.hpp"

#include <cpl_error.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <mutex>

#include "core/error.hpp"

namespace cohesion {

AreaLayer area_layer_from_wkb(const WkbAreas& areas, const AreaLayerOptions& options) {
    // As load_area_layer: GDAL's messages (e.g. GEOS validity notes) reach users through
    // our warnings and errors, never straight to stderr.
    static std::once_flag once;
    std::call_once(once, [] { CPLSetErrorHandler(CPLQuietErrorHandler); });
    if (areas.codes.size() != areas.wkb.size()) throw Error("internal: codes and geometries differ in number");
    AreaLayer out;
    out.source = areas.source;
    out.code_field = areas.code_field;

    std::vector<std::unique_ptr<OGRGeometry>> geometries;
    geometries.reserve(areas.wkb.size());
    OGREnvelope extent;
    for (std::size_t i = 0; i < areas.wkb.size(); ++i) {
        const auto& bytes = areas.wkb[i];
        OGRGeometry* g = nullptr;
        if (!bytes.empty() &&
            OGRGeometryFactory::createFromWkb(bytes.data(), nullptr, &g, bytes.size(), wkbVariantIso) != OGRERR_NONE) {
            delete g;
            throw Error(Location{out.source, i + 1, out.code_field},
                        "area '" + areas.codes[i] + "' has a geometry that is not valid WKB");
        }
        geometries.emplace_back(g);
        if (g && !g->IsEmpty()) {
            OGREnvelope e;
            g->getEnvelope(&e);
            extent.Merge(e);
        }
    }
    std::unique_ptr<OGRSpatialReference> declared;
    if (!areas.crs.empty()) {
        declared = std::make_unique<OGRSpatialReference>();
        if (declared->SetFromUserInput(areas.crs.c_str()) != OGRERR_NONE)
            throw Error(Location{out.source, 0, "crs"}, "unknown coordinate reference system '" + areas.crs + "'");
    }
    const auto source_crs = layer_source_crs(declared.get(), extent, out);
    for (std::size_t i = 0; i < geometries.size(); ++i)
        append_area(out, areas.codes[i], std::move(geometries[i]), *source_crs, i + 1);
    project_area_layer(out, *source_crs, options.target_crs);
    return out;
}

}  // namespace cohesion
