#include "analysis/spatial_data.hpp"

#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "geo/table_join.hpp"
#include "weights/contiguity.hpp"
#include "weights/distance_weights.hpp"
#include "weights/gal_gwt.hpp"

namespace cohesion {

namespace {

std::vector<std::string> split_colons(const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto colon = s.find(':', start);
        parts.push_back(s.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
        if (colon == std::string::npos) return parts;
        start = colon + 1;
    }
}

double positive_number(const std::string& text, const std::string& spec) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && v > 0) return v;
    } catch (const std::exception&) {
    }
    throw Error(Field{"weights"}, "expected a positive number in '" + spec + "', got '" + text + "'");
}

}  // namespace

std::vector<double> area_km2(const SpatialData& d) {
    std::vector<double> km2(d.table.areas());
    for (std::size_t i = 0; i < km2.size(); ++i) km2[i] = d.layer.area_km2[d.feature[i]];
    return km2;
}

Weights build_weights(const WeightsSpec& v, const AreaLayer& layer) {
    if (v.rule == "queen" || v.rule == "rook")
        return contiguity_weights(layer, {v.rule == "queen" ? Contiguity::queen : Contiguity::rook, v.snap});
    const auto parts = split_colons(v.rule);
    if (parts.size() >= 2 && (parts[0] == "knn" || parts[0] == "band" || parts[0] == "kernel" || parts[0] == "adaptive")) {
        const Points centroids{layer.centroid_x, layer.centroid_y, layer.codes};
        if (parts[0] == "knn" && parts.size() == 2)
            return knn_weights(centroids, static_cast<int>(positive_number(parts[1], v.rule)));
        if (parts[0] == "band" && parts.size() == 2) return distance_band_weights(centroids, positive_number(parts[1], v.rule));
        if ((parts[0] == "kernel" || parts[0] == "adaptive") && parts.size() == 3) {
            KernelOptions k;
            k.function = parse_kernel_function(parts[1]);
            if (parts[0] == "kernel") k.bandwidth = positive_number(parts[2], v.rule);
            else k.adaptive_k = static_cast<int>(positive_number(parts[2], v.rule));
            return kernel_weights(centroids, k);
        }
        throw Error(Field{"weights"}, "cannot read '" + v.rule +
                                                      "'; expected knn:K, band:METRES, kernel:FUNCTION:METRES or "
                                                      "adaptive:FUNCTION:K");
    }
    return read_weights_file(v.rule, layer.codes);
}

SpatialData join_spatial(Table table, AreaLayer layer, const WeightsSpec& spec, const std::string& boundaries) {
    SpatialData d{std::move(table), std::move(layer), {}, {}, {}};
    const TableLayerJoin join = join_table_to_layer(d.table, d.layer);
    d.notes.push_back("boundaries: " + boundaries + " (" + std::to_string(d.layer.size()) + " polygons, measures in " +
                      d.layer.crs + ")");
    for (const auto& w : d.layer.warnings) d.notes.push_back("warning: " + w);
    for (const auto& w : join.warnings) d.notes.push_back("warning: " + w);
    if (join.table_only > 0) d.table = select_areas(d.table, join.table_rows);
    d.feature = join.layer_index;
    const Weights all = build_weights(spec, d.layer);
    d.weights = subset(all, d.feature);
    const auto islands = d.weights.islands();
    d.notes.push_back("weights: " + all.description + "; " + std::to_string(d.weights.links() / 2) + " neighbour pairs" +
                      (islands.empty() ? "" : "; " + std::to_string(islands.size()) +
                                                  " island(s) with no neighbours (they get no local statistic)"));
    return d;
}

}  // namespace cohesion
