#pragma once
// Building the UnitGeometry that spatial indices read from an area layer: areas,
// perimeters and centroids of the chosen features, and the length of the boundary
// shared by each pair of neighbours (the intersection of their polygons, as pysal's
// length-weighted weights compute it), in the layer's projected CRS.
#include <vector>

#include "geo/area_layer.hpp"
#include "weights/unit_geometry.hpp"
#include "weights/weights.hpp"

namespace cohesion {

// `features[k]` is the layer feature of unit k; `neighbours` has one row per unit.
UnitGeometry build_unit_geometry(const AreaLayer& layer, const std::vector<std::size_t>& features,
                                 const Weights& neighbours);

}  // namespace cohesion
