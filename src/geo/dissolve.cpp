#include "geo/dissolve.hpp"

#include "core/error.hpp"

namespace cohesion {

std::unique_ptr<OGRGeometry> dissolve(const AreaLayer& layer, const std::vector<std::size_t>& members) {
    if (members.empty()) return nullptr;
    OGRMultiPolygon parts;
    for (std::size_t i : members) {
        if (i >= layer.size()) throw Error("dissolve: area index out of range");
        const OGRGeometry* g = layer.geometry[i].get();
        if (!g) continue;
        const auto type = wkbFlatten(g->getGeometryType());
        if (type == wkbPolygon) {
            parts.addGeometry(g);
        } else if (type == wkbMultiPolygon) {
            for (const auto* p : *g->toMultiPolygon()) parts.addGeometry(p);
        }
    }
    std::unique_ptr<OGRGeometry> merged(parts.UnionCascaded());
    if (!merged) throw Error("dissolve: the union of the zone's polygons failed (GEOS)");
    return merged;
}

}  // namespace cohesion
