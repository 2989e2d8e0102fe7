#include "analysis/spatial_index_table.hpp"

#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "weights/unit_geometry_builder.hpp"
#include "indices/registry.hpp"

namespace cohesion {

ResultTable spatial_index_table(const SpatialData& d, const SpatialIndexRequest& r) {
    std::vector<const IndexDefinition*> chosen;
    if (r.indices.empty()) {
        chosen = IndexRegistry::instance().of_kind(IndexKind::spatial);
        for (const auto* two : IndexRegistry::instance().of_kind(IndexKind::two_group))
            if (two->info.needs_unit_areas) chosen.push_back(two);
    } else {
        for (const auto& name : r.indices) chosen.push_back(&IndexRegistry::instance().get(name));
    }
    std::vector<std::string> focal = r.focal;
    if (focal.empty()) focal = d.table.group_names();

    // Land per table row, so indices can count the land of unpopulated areas too.
    const std::vector<double> row_area = area_km2(d);

    ResultTable out;
    out.title = "Spatial segregation indices";
    out.name = "spatial_indices";
    out.notes = d.table.history();
    out.notes.insert(out.notes.end(), d.notes.begin(), d.notes.end());
    out.columns = {"index", "focal", "versus", "value"};
    // Weights and geometry follow the populated units of each view.
    auto evaluate = [&](const CountMatrix& m, const std::vector<const IndexDefinition*>& indices, const std::string& focal_name,
                        const std::string& versus) {
        if (indices.empty()) return;
        out.notes.push_back("view: " + m.description);
        const Weights w = subset(d.weights, m.unit_rows);
        std::vector<std::size_t> features;
        for (std::size_t row : m.unit_rows) features.push_back(d.feature[row]);
        const UnitGeometry geometry = build_unit_geometry(d.layer, features, w);
        IndexParams params;
        params.weights = &w;
        params.geometry = &geometry;
        params.unit_areas = row_area;
        params.proximity_unit_m = r.proximity_unit_m;
        for (const auto* index : indices)
            out.add_row({index->info.name, focal_name, versus, index->compute(IndexInput{m, params})});
    };
    std::vector<const IndexDefinition*> two, multi;
    for (const auto* index : chosen) {
        if (!index->compute) throw Error(Field{"index"}, "'" + index->info.name + "' is a local index");
        (index->info.multigroup_input || index->info.kind == IndexKind::multigroup ? multi : two).push_back(index);
    }
    evaluate(multigroup(d.table), multi, "all groups", "");
    if (!two.empty())
        for (const auto& group : focal) evaluate(two_group_vs_rest(d.table, group), two, group, "rest");
    return out;
}

}  // namespace cohesion
