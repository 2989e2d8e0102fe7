// `cohesion decompose`: M and H split into between- and within-cluster parts for a
// hierarchy level (e.g. OAs within MSOAs), and into each group's contribution.
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "analysis/decomposition_tables.hpp"

namespace cohesion::cli {

namespace {

struct DecomposeOptions {
    InputOptionValues input;
    OutputOptionValues output;
    std::string within;
    bool skip_parts = false;
};

}  // namespace

void add_decompose_command(CLI::App& app) {
    auto o = std::make_shared<DecomposeOptions>();
    auto* command = app.add_subcommand(
        "decompose", "Decompose the mutual information index M (and H) between/within a hierarchy level and by group");
    add_input_options(*command, o->input);
    command->add_option("--within", o->within, "Hierarchy level to decompose by, e.g. MSOA or LAD")->group("Decomposition");
    command->add_flag("--no-parts", o->skip_parts, "Do not list the within-component of every cluster")
        ->group("Decomposition");
    add_output_options(*command, o->output);
    command->callback([o, command] { emit(decomposition_tables(load_input(o->input), o->within, o->skip_parts), o->output, *command); });
}

}  // namespace cohesion::cli
