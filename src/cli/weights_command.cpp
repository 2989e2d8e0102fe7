// `cohesion weights`: build spatial weights from boundaries, summarise them (pairs,
// neighbour counts, islands, components) and write them as GeoDa GAL/GWT.
#include <map>

#include "cli/command.hpp"
#include "cli/output_clashes.hpp"
#include "core/error.hpp"
#include "cli/output_options.hpp"
#include "cli/spatial_options.hpp"
#include "weights/gal_gwt.hpp"

namespace cohesion::cli {

namespace {

struct WeightsOptions {
    SpatialOptionValues spatial;
    OutputOptionValues output;
    std::string save;
};

std::vector<ResultTable> run(const WeightsOptions& o) {
    const AreaLayer layer = load_area_layer(o.spatial.boundaries, o.spatial.layer);
    const Weights w = build_weights(o.spatial, layer);
    if (!o.save.empty()) {
        if (o.save.ends_with(".gwt")) write_gwt(w, o.save, o.spatial.boundaries);
        else write_gal(w, o.save);
    }
    std::size_t components = 0;
    connected_components(w, &components);
    std::size_t least = SIZE_MAX, most = 0, self_links = 0;
    for (std::size_t i = 0; i < w.n; ++i)
        for (std::size_t j : w.neighbours_of(i)) self_links += j == i;
    std::map<std::size_t, std::int64_t> histogram;
    for (std::size_t i = 0; i < w.n; ++i) {
        least = std::min(least, w.cardinality(i));
        most = std::max(most, w.cardinality(i));
        ++histogram[w.cardinality(i)];
    }
    ResultTable summary;
    summary.title = "Spatial weights: " + w.description;
    summary.name = "summary";
    summary.notes.push_back("boundaries: " + o.spatial.boundaries + ", code field " + layer.code_field);
    for (const auto& warning : layer.warnings) summary.notes.push_back("warning: " + warning);
    if (!o.save.empty()) summary.notes.push_back("written to " + o.save);
    summary.columns = {"property", "value"};
    const auto islands = w.islands();
    summary.add_row({std::string("areas"), static_cast<std::int64_t>(w.n)});
    summary.add_row({std::string("neighbour pairs"), static_cast<std::int64_t>((w.links() - self_links) / 2)});
    summary.add_row({std::string("directed links"), static_cast<std::int64_t>(w.links() - self_links)});
    summary.add_row({std::string("min neighbours"), static_cast<std::int64_t>(least)});
    summary.add_row({std::string("max neighbours"), static_cast<std::int64_t>(most)});
    summary.add_row({std::string("mean neighbours"), static_cast<double>(w.links() - self_links) / static_cast<double>(w.n)});
    if (self_links) summary.add_row({std::string("areas weighting themselves"), static_cast<std::int64_t>(self_links)});
    summary.add_row({std::string("islands"), static_cast<std::int64_t>(islands.size())});
    summary.add_row({std::string("connected components"), static_cast<std::int64_t>(components)});
    std::string island_codes;
    for (std::size_t k = 0; k < islands.size() && k < 10; ++k) island_codes += (k ? " " : "") + w.ids[islands[k]];
    if (!islands.empty()) summary.add_row({std::string("island areas"), island_codes});

    ResultTable counts;
    counts.title = "Areas by number of neighbours";
    counts.name = "neighbours";
    counts.columns = {"neighbours", "areas"};
    for (const auto& [k, n] : histogram) counts.add_row({static_cast<std::int64_t>(k), n});
    return {summary, counts};
}

}  // namespace

void add_weights_command(CLI::App& app) {
    auto o = std::make_shared<WeightsOptions>();
    auto* command = app.add_subcommand("weights", "Build spatial weights (queen/rook contiguity) from boundaries, "
                                                  "summarise them and save them as GeoDa GAL/GWT");
    add_spatial_options(*command, o->spatial);
    command->add_option("--save", o->save, "Write the weights to a .gal (binary) or .gwt (weighted) file");
    add_output_options(*command, o->output);
    command->callback([o, command] {
        if (!o->save.empty()) {
            // Checked before the weights are built, and against --output too.
            if (!o->save.ends_with(".gal") && !o->save.ends_with(".gwt"))
                throw Error(Location{o->save, 0, "--save"}, "unknown weights file type; expected a .gal or .gwt name");
            std::vector<NamedOutput> outputs{{"--save", o->save}};
            for (const auto& path : o->output.outputs) outputs.push_back({"--output", path});
            refuse_clashing_outputs(*command, outputs);
        }
        emit(run(*o), o->output, *command);
    });
}

}  // namespace cohesion::cli
