#include "report/map_geometry.hpp"

#include <cmath>

namespace cohesion {

const MapGeometryMemo::Polygons& MapGeometryMemo::polygons(const AreaLayer& layer, double units_per_metre) {
    const int octave = static_cast<int>(std::floor(std::log2(0.5 / units_per_metre)));
    std::shared_ptr<Entry> entry;
    {
        const std::lock_guard<std::mutex> hold(lock_);
        auto& slot = entries_[{&layer, octave}];
        if (!slot) slot = std::make_shared<Entry>();
        entry = slot;
    }
    // Made outside the lock: another layer's, or another tolerance's, need not wait.
    std::call_once(entry->made, [&] {
        const double tolerance = std::exp2(octave);
        entry->polygons.reserve(layer.size());
        for (const auto& g : layer.geometry) {
            std::unique_ptr<OGRGeometry> simple(g->Simplify(tolerance));
            // A polygon smaller than the tolerance simplifies away: drawn as it is.
            if (!simple || simple->IsEmpty()) simple.reset(g->clone());
            entry->polygons.push_back(std::move(simple));
        }
    });
    return entry->polygons;
}

}  // namespace cohesion
