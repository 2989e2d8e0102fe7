// `cohesion info FILE`: what is in a table — areas, groups, totals, levels — so a
// user can check the load before trusting any index.
#include "analysis/table_summary.hpp"
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"

namespace cohesion::cli {

namespace {

struct InfoOptions {
    InputOptionValues input;
    OutputOptionValues output;
};


}  // namespace

void add_info_command(CLI::App& app) {
    auto options = std::make_shared<InfoOptions>();
    auto* command = app.add_subcommand("info", "Describe a count table: areas, groups, totals, hierarchy levels");
    add_input_options(*command, options->input);
    add_output_options(*command, options->output);
    command->callback([options, command] { emit(table_summary(load_input(options->input)), options->output, *command); });
}

}  // namespace cohesion::cli
