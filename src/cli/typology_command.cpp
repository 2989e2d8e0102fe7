// `cohesion typology`: the Poulsen–Johnston–Forrest neighbourhood type of every area.
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "analysis/typology_tables.hpp"

namespace cohesion::cli {

namespace {

struct TypologyCommandOptions {
    InputOptionValues input;
    OutputOptionValues output;
    TypologyOptions typology;
    bool summary_only = false;
};

}  // namespace

void add_typology_command(CLI::App& app) {
    auto o = std::make_shared<TypologyCommandOptions>();
    auto* command = app.add_subcommand(
        "typology", "Classify areas into Poulsen-Johnston-Forrest neighbourhood types (host share, dominant minority)");
    add_input_options(*command, o->input);
    auto* g = "Typology";
    command->add_option("--host", o->typology.host_group, "Host (majority) group, e.g. WhiteBrit")->required()->group(g);
    command->add_option("--isolated", o->typology.isolated_host, "Host share for type I")->default_val(0.80)->group(g);
    command->add_option("--non-isolated", o->typology.non_isolated_host, "Host share for type II")->default_val(0.50)->group(g);
    command->add_option("--assimilation", o->typology.assimilation, "Host share for type III")->default_val(0.30)->group(g);
    command->add_option("--dominant", o->typology.dominant_minority,
                        "Share of the minority population one group needs to make an area polarised (type V)")
        ->default_val(0.60)->group(g);
    command->add_option("--ghetto", o->typology.ghetto_share,
                        "Share of a group's town-wide population in its polarised areas that makes them ghettos (type VI)")
        ->default_val(0.30)->group(g);
    command->add_flag("--summary", o->summary_only, "Print only the counts per type")->group(g);
    add_output_options(*command, o->output);
    command->callback([o, command] { emit(typology_tables(load_input(o->input), o->typology, o->summary_only), o->output, *command); });
}

}  // namespace cohesion::cli
