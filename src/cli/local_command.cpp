// `cohesion local`: per-area statistics (location quotients, local entropy, local
// segregation scores, ...) as one row per area, ready to join to a map.
#include "analysis/area_table.hpp"
#include "analysis/index_tables.hpp"
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "core/error.hpp"

namespace cohesion::cli {

namespace {

struct LocalOptions {
    InputOptionValues input;
    OutputOptionValues output;
    std::vector<std::string> indices;
    bool shares = false;
    std::string level;
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
    command->add_flag("--shares", o->shares,
                      "Also each group's share of the area's population (the dashboard's area table, /api/areas)");
    command->add_option("--level", o->level,
                        "With --shares: give each area the values of the unit of this level it belongs to, e.g. LSOA "
                        "(one row per area, column level_area)");
    add_output_options(*command, o->output);
    add_map_output_options(*command, o->boundaries, o->layer);
    command->callback([o, command] {
        const Table table = load_input(o->input);
        if (!o->level.empty() && !o->shares) throw Error(Location{"", 0, "--level"}, "goes with --shares");
        if (o->shares && !o->indices.empty())
            throw Error(Location{"", 0, "--index"}, "--shares shows every local index; leave out --index");
        emit_with_boundaries({o->shares ? area_table_at_level(table, o->level) : local_table(table, o->indices)},
                             o->boundaries, o->layer, o->output, *command);
    });
}

}  // namespace cohesion::cli
