#pragma once
// A table joined to its polygons with spatial weights — the input of every spatial
// analysis (spatial indices, hot spots, enclaves, profiles, licensing zones). One place
// for the join, the weights rule and the notes, so the CLI, the Python package and the
// report build exactly the same weights from the same boundaries.
#include <string>
#include <vector>

#include "core/table.hpp"
#include "geo/area_layer.hpp"
#include "weights/weights.hpp"

namespace cohesion {

struct WeightsSpec {
    // queen, rook, knn:K, band:METRES, kernel:FUNCTION:METRES, adaptive:FUNCTION:K, or a .gal/.gwt file
    std::string rule = "queen";
    double snap = 0.0;  // contiguity: snap vertices to a grid of this size (layer units)
};

// Weights over the layer's features, in layer order.
Weights build_weights(const WeightsSpec& spec, const AreaLayer& layer);

// `table` keeps only areas with a polygon, in table order; feature[i] is the layer
// feature of table area i; weights rows follow the table.
struct SpatialData {
    Table table;
    AreaLayer layer;
    std::vector<std::size_t> feature;
    Weights weights;
    std::vector<std::string> notes;  // CRS, join warnings, repairs, islands
};

// `boundaries` names the layer's source in the notes.
SpatialData join_spatial(Table table, AreaLayer layer, const WeightsSpec& spec, const std::string& boundaries);
// Land area (km²) of each table area, in table order.
std::vector<double> area_km2(const SpatialData& data);

}  // namespace cohesion
