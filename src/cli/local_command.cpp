// `cohesion local`: per-area statistics (location quotients, local entropy, local
// segregation scores, ...) as one row per area, ready to join to a map.
#include "analysis/index_tables.hpp"
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"

namespace cohesion::cli {

namespace {

struct LocalOptions {
    InputOptionValues input;
    OutputOptionValues output;
    std::vector<std::string> indices;
    std::string boundaries;
    AreaLayerOptions layer;
};

}  // namespace

void add_local_command(CLI::App& app) {
    auto o = std::make_shared<LocalOptions>();
    auto* command = app.add_subcommand("local", "Per-area statistics: location quotients, local entropy, "
                                                "local segregation (contribution to M), local divergence");
    add_input_options(*command, o->input);
    command->add_option("--index,-i", o->indices, "Local index name(s) (default: all local indices)")->delimiter(',');
    add_output_options(*command, o->output);
    add_map_output_options(*command, o->boundaries, o->layer);
    command->callback([o, command] {
        emit_with_boundaries({local_table(load_input(o->input), o->indices)}, o->boundaries, o->layer, o->output,
                             *command);
    });
}

}  // namespace cohesion::cli
