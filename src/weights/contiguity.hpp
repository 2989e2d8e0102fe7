#pragma once
// Contiguity weights from polygons: queen (any shared vertex) and rook (a shared edge).
//
// Built as libpysal builds Queen/Rook.from_dataframe: by hashing ring vertices (queen)
// or ring edges (rook) and pairing the areas that share one — O(total vertices), not
// pairwise polygon tests — so neighbour counts match pysal/GeoDa exactly on the same
// file. A snapping tolerance (> 0) quantises coordinates to a grid of that size first,
// so tiny gaps and overlaps between separately digitised polygons still make neighbours;
// it is off by default because it can also join areas that only nearly touch.
#include "geo/area_layer.hpp"
#include "weights/weights.hpp"

namespace cohesion {

enum class Contiguity { queen, rook };

struct ContiguityOptions {
    Contiguity rule = Contiguity::queen;
    double snap_tolerance = 0.0;  // in the layer's raw coordinate units; 0 = exact equality
};

Weights contiguity_weights(const AreaLayer& layer, const ContiguityOptions& options = {});

}  // namespace cohesion
