#pragma once
// Options shared by the commands that need boundaries (weights, hotspots, enclaves):
// the boundary layer, its code field and CRS, and the spatial weights rule.
#include <CLI/CLI.hpp>

#include "analysis/spatial_data.hpp"
#include "core/table.hpp"
#include "geo/area_layer.hpp"
#include "weights/weights.hpp"

namespace cohesion::cli {

struct SpatialOptionValues {
    std::string boundaries;
    AreaLayerOptions layer;
    std::string weights = "queen";  // queen, rook or a .gal/.gwt file
    double snap = 0.0;
};

void add_spatial_options(CLI::App& command, SpatialOptionValues& values);

// The boundaries read and joined to the table with the chosen weights (analysis/spatial_data.hpp).
SpatialData load_spatial(const SpatialOptionValues& values, Table table);
Weights build_weights(const SpatialOptionValues& values, const AreaLayer& layer);

}  // namespace cohesion::cli
