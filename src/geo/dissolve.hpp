#pragma once
// The union of some areas' polygons (GEOS cascaded union): one outline for a zone made of
// many areas (an enclave, a licensing zone), so maps and GeoPackages show the zone's edge
// rather than every member's.
#include <memory>
#include <vector>

#include "geo/area_layer.hpp"

namespace cohesion {

// The union of `layer`'s polygons at `members` (projected CRS); null when `members` is empty.
std::unique_ptr<OGRGeometry> dissolve(const AreaLayer& layer, const std::vector<std::size_t>& members);

}  // namespace cohesion
