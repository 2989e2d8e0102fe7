// `cohesion typology`: the Poulsen–Johnston–Forrest neighbourhood type of every area.
#include <fmt/format.h>

#include <map>

#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "spatial/typology.hpp"

namespace cohesion::cli {

namespace {

struct TypologyCommandOptions {
    InputOptionValues input;
    OutputOptionValues output;
    TypologyOptions typology;
    bool summary_only = false;
};

std::vector<ResultTable> run(const TypologyCommandOptions& o, const Table& table) {
    const CountMatrix m = multigroup(table);
    const auto types = classify_neighbourhoods(m, o.typology);
    const auto& t = o.typology;
    std::vector<std::string> notes = table.history();
    notes.push_back("view: " + m.description);
    notes.push_back(fmt::format("host group {}; thresholds: isolated >= {:g}, non-isolated >= {:g}, assimilation >= "
                                "{:g}, dominant minority >= {:g}, ghetto share >= {:g} (Poulsen, Johnston & Forrest 2001)",
                                t.host_group, t.isolated_host, t.non_isolated_host, t.assimilation,
                                t.dominant_minority, t.ghetto_share));

    ResultTable summary;
    summary.title = "Neighbourhood types";
    summary.notes = notes;
    summary.columns = {"type", "label", "areas", "population", "share_of_population"};
    std::map<int, std::pair<std::int64_t, double>> by_type;
    for (std::size_t i = 0; i < types.size(); ++i) {
        by_type[types[i].type].first += 1;
        by_type[types[i].type].second += m.unit_totals[i];
    }
    for (int type = 1; type <= 6; ++type)
        summary.add_row({static_cast<std::int64_t>(type), typology_label(type), by_type[type].first,
                         by_type[type].second, by_type[type].second / m.grand_total});
    if (o.summary_only) return {summary};

    ResultTable areas;
    areas.title = "Type of each area";
    areas.columns = {"area", "type", "label", "host_share", "largest_minority", "largest_minority_share_of_minorities"};
    for (std::size_t k = 0; k < types.size(); ++k)
        areas.add_row({table.area_codes()[m.unit_rows[k]], static_cast<std::int64_t>(types[k].type), types[k].label,
                       types[k].host_share, types[k].dominant, types[k].dominant_share_of_minorities});
    return {summary, areas};
}

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
    command->callback([o, command] { emit(run(*o, load_input(o->input)), o->output, *command); });
}

}  // namespace cohesion::cli
