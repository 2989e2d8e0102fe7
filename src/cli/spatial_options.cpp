#include "cli/spatial_options.hpp"


namespace cohesion::cli {

void add_spatial_options(CLI::App& command, SpatialOptionValues& v) {
    auto* g = "Boundaries and weights";
    command.add_option("--boundaries,-b", v.boundaries,
                       "Area polygons: GeoJSON, GeoPackage, Shapefile or a PostGIS 'PG:...' connection string")
        ->required()->group(g);
    command.add_option("--layer", v.layer.layer, "Layer name in the boundary source (default: the first)")->group(g);
    command.add_option("--code-field", v.layer.code_field,
                       "Field holding the area codes (default: a field ending in CD or _code)")->group(g);
    command.add_option("--crs", v.layer.target_crs,
                       "Projected CRS for distances and areas (default: EPSG:27700 in Great Britain, else UTM)")->group(g);
    command.add_option("--weights", v.weights,
                       "Spatial weights: queen, rook, knn:K, band:METRES, kernel:FUNCTION:METRES (triangular, uniform, "
                       "quadratic, quartic, gaussian), adaptive:FUNCTION:K, or a GeoDa .gal/.gwt file")
        ->default_val("queen")->group(g);
    command.add_option("--snap", v.snap,
                       "Snap vertices to a grid of this size (layer units) before finding neighbours, for layers with tiny gaps")
        ->default_val(0.0)->group(g);
}

Weights build_weights(const SpatialOptionValues& v, const AreaLayer& layer) {
    return cohesion::build_weights(WeightsSpec{v.weights, v.snap}, layer);
}

SpatialData load_spatial(const SpatialOptionValues& v, Table table) {
    return join_spatial(std::move(table), load_area_layer(v.boundaries, v.layer), WeightsSpec{v.weights, v.snap},
                        v.boundaries);
}

}  // namespace cohesion::cli
