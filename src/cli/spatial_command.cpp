// `cohesion spatial`: the spatial segregation indices of a group (vs the rest of the
// population) on a boundary layer: Morrill's and Wong's spatial dissimilarities,
// Massey & Denton's concentration and centralisation, Hoover's delta.
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/spatial_options.hpp"
#include "core/error.hpp"
#include "weights/unit_geometry_builder.hpp"
#include "indices/registry.hpp"

namespace cohesion::cli {

namespace {

struct SpatialCommandOptions {
    InputOptionValues input;
    SpatialOptionValues spatial;
    OutputOptionValues output;
    std::vector<std::string> focal;
    std::vector<std::string> indices;
    std::string proximity_unit = "km";
};

ResultTable run(const SpatialCommandOptions& o, const SpatialData& d) {
    std::vector<const IndexDefinition*> chosen;
    if (o.indices.empty()) {
        chosen = IndexRegistry::instance().of_kind(IndexKind::spatial);
        for (const auto* two : IndexRegistry::instance().of_kind(IndexKind::two_group))
            if (two->info.needs_unit_areas) chosen.push_back(two);
    } else {
        for (const auto& name : o.indices) chosen.push_back(&IndexRegistry::instance().get(name));
    }
    std::vector<std::string> focal = o.focal;
    if (focal.empty()) focal = d.table.group_names();

    // Land per table row, so indices can count the land of unpopulated areas too.
    std::vector<double> row_area(d.table.areas());
    for (std::size_t i = 0; i < row_area.size(); ++i) row_area[i] = d.layer.area_km2[d.feature[i]];

    ResultTable out;
    out.title = "Spatial segregation indices";
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
        params.proximity_unit_m = o.proximity_unit == "m" ? 1.0 : 1000.0;
        for (const auto* index : indices)
            out.add_row({index->info.name, focal_name, versus, index->compute(IndexInput{m, params})});
    };
    std::vector<const IndexDefinition*> two, multi;
    for (const auto* index : chosen) {
        if (!index->compute) throw Error(Location{"", 0, "--index"}, "'" + index->info.name + "' is a local index");
        (index->info.multigroup_input || index->info.kind == IndexKind::multigroup ? multi : two).push_back(index);
    }
    evaluate(multigroup(d.table), multi, "all groups", "");
    if (!two.empty())
        for (const auto& group : focal) evaluate(two_group_vs_rest(d.table, group), two, group, "rest");
    return out;
}

}  // namespace

void add_spatial_command(CLI::App& app) {
    auto o = std::make_shared<SpatialCommandOptions>();
    auto* command = app.add_subcommand(
        "spatial", "Spatial segregation indices of each group vs the rest: spatial dissimilarity (Morrill, Wong), "
                   "concentration, centralisation, delta");
    add_input_options(*command, o->input);
    add_spatial_options(*command, o->spatial);
    command->add_option("--group,-g", o->focal, "Focal group(s) (default: every group)")->delimiter(',')->group("Indices");
    command->add_option("--index,-i", o->indices, "Index name(s) (default: every spatial index)")->delimiter(',')->group("Indices");
    command->add_option("--proximity-unit", o->proximity_unit,
                        "Distance unit of the exp(-d) proximity in clustering/proximity indices: km (Massey & Denton) "
                        "or m (pysal 2.5)")
        ->check(CLI::IsMember({"km", "m"}))->default_val("km")->group("Indices");
    add_output_options(*command, o->output);
    command->callback([o, command] {
        const SpatialData d = load_spatial(o->spatial, load_input(o->input));
        emit({run(*o, d)}, o->output, *command);
    });
}

}  // namespace cohesion::cli
