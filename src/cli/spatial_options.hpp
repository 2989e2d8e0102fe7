#pragma once
// Options shared by the commands that need boundaries (weights, hotspots, enclaves):
// the boundary layer, its code field and CRS, and the spatial weights rule.
#include <CLI/CLI.hpp>

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

// A table joined to its polygons: `table` keeps only areas with a polygon, in table
// order; feature[i] is the layer feature of table area i; weights rows follow the table.
struct SpatialData {
    Table table;
    AreaLayer layer;
    std::vector<std::size_t> feature;
    Weights weights;
    std::vector<std::string> notes;  // CRS, join warnings, repairs, islands
};

SpatialData load_spatial(const SpatialOptionValues& values, Table table);
// Land area (km²) of each table area, in table order.
std::vector<double> area_km2(const SpatialData& data);
Weights build_weights(const SpatialOptionValues& values, const AreaLayer& layer);

}  // namespace cohesion::cli
