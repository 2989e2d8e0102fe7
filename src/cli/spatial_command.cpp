// `cohesion spatial`: every index that reads the boundaries (IndexNeeds in index.hpp), the
// two-group ones for each group vs the rest, the multigroup ones on all groups: Morrill's and
// Wong's spatial dissimilarities, Massey & Denton's concentration, centralisation and clustering,
// Hoover's delta, global distortion. The selection is the index suite's, from the index axes.
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/spatial_options.hpp"
#include "analysis/spatial_index_table.hpp"

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
    return spatial_index_table(d, SpatialIndexRequest{o.indices, o.focal, o.proximity_unit == "m" ? 1.0 : 1000.0});
}

}  // namespace

void add_spatial_command(CLI::App& app) {
    auto o = std::make_shared<SpatialCommandOptions>();
    auto* command = app.add_subcommand(
        "spatial", "Spatial segregation indices (every index that needs the boundaries): each group vs the rest "
                   "(spatial dissimilarity, concentration, centralisation, clustering, delta) and all groups at once "
                   "(global distortion)");
    add_input_options(*command, o->input);
    add_spatial_options(*command, o->spatial);
    command->add_option("--group,-g", o->focal, "Focal group(s) (default: every group)")->delimiter(',')->group("Indices");
    command->add_option("--index,-i", o->indices, "Index name(s) (default: every index that needs the boundaries; see `cohesion indices --list`)")->delimiter(',')->group("Indices");
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
