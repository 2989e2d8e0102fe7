#include "weights/unit_geometry_builder.hpp"

#include <tbb/parallel_for.h>

#include <memory>

namespace cohesion {

UnitGeometry build_unit_geometry(const AreaLayer& layer, const std::vector<std::size_t>& features,
                                 const Weights& neighbours) {
    UnitGeometry g;
    g.crs = layer.crs;
    for (std::size_t f : features) {
        g.area_km2.push_back(layer.area_km2[f]);
        g.perimeter_m.push_back(layer.perimeter_m[f]);
        g.x.push_back(layer.centroid_x[f]);
        g.y.push_back(layer.centroid_y[f]);
    }
    for (double a : layer.area_km2) g.total_area_km2 += a;
    Weights lengths = neighbours;
    lengths.description = "shared boundary length (m)";
    tbb::parallel_for(std::size_t{0}, neighbours.n, [&](std::size_t i) {
        const auto nb = neighbours.neighbours_of(i);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const OGRGeometry* a = layer.geometry[features[i]].get();
            const OGRGeometry* b = layer.geometry[features[nb[k]]].get();
            std::unique_ptr<OGRGeometry> shared(a->Intersection(b));
            double length = 0.0;
            if (shared) {
                const auto type = wkbFlatten(shared->getGeometryType());
                if (type == wkbLineString || type == wkbLinearRing) length = shared->toLineString()->get_Length();
                else if (type == wkbMultiLineString || type == wkbGeometryCollection)
                    for (const auto* part : *shared->toGeometryCollection()) {
                        const auto pt = wkbFlatten(part->getGeometryType());
                        if (pt == wkbLineString || pt == wkbLinearRing) length += part->toLineString()->get_Length();
                    }
            }
            lengths.values[neighbours.offsets[i] + k] = length;
        }
    });
    g.shared_boundary_m = std::move(lengths);
    return g;
}

}  // namespace cohesion
