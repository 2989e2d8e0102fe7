#include "analysis/spatial_index_table.hpp"

#include "indices/index_suite.hpp"
#include "weights/unit_geometry_builder.hpp"

namespace cohesion {

ResultTable spatial_index_table(const SpatialData& d, const SpatialIndexRequest& r) {
    // The boundaries give every input an index can need, so the default set is every index
    // that reads them (any group axis); named indices may be any one-value index.
    SuiteRequest request;
    request.indices = r.indices;
    request.focal = r.focal;
    request.supplied = IndexNeeds{.unit_areas = true, .weights = true, .geometry = true};
    request.needing_boundaries_only = true;
    const SuitePlan plan = plan_suite(d.table, request);

    // Land per table row, so indices can count the land of unpopulated areas too.
    const std::vector<double> row_area = area_km2(d);

    ResultTable out;
    out.title = "Spatial segregation indices";
    out.name = "spatial_indices";
    out.notes = d.table.history();
    out.notes.insert(out.notes.end(), d.notes.begin(), d.notes.end());
    out.columns = {"index_name", "focal", "versus", "value"};
    // Weights and geometry follow the populated units of each view.
    std::vector<Weights> weights;
    std::vector<UnitGeometry> geometry;
    weights.reserve(plan.views.size());
    geometry.reserve(plan.views.size());
    std::vector<IndexParams> params(plan.views.size());
    for (std::size_t v = 0; v < plan.views.size(); ++v) {
        const CountMatrix& m = plan.views[v];
        out.notes.push_back("view: " + m.description);
        weights.push_back(subset(d.weights, m.unit_rows));
        std::vector<std::size_t> features;
        for (std::size_t row : m.unit_rows) features.push_back(d.feature[row]);
        geometry.push_back(build_unit_geometry(d.layer, features, weights.back()));
        params[v].weights = &weights.back();
        params[v].geometry = &geometry.back();
        params[v].unit_areas = row_area;
        params[v].proximity_unit_m = r.proximity_unit_m;
    }
    const std::vector<double> values = run_suite(plan, params);
    for (std::size_t k = 0; k < plan.items.size(); ++k) {
        const auto& item = plan.items[k];
        out.add_row({item.index->info.name, item.focal, item.comparison, values[k]});
    }
    return out;
}

}  // namespace cohesion
