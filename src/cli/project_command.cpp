// `cohesion project`: people by group per area for a future year — constant shares, the
// shrunk share trend, or the calibrated residential model — with intervals.
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "cli/town_options.hpp"
#include "simulation/projection.hpp"
#include "simulation/simulation_tables.hpp"

namespace cohesion::cli {

namespace {

struct ProjectOptions {
    TownOptionValues town;
    OutputOptionValues output;
    std::string method = "trend";
    ProjectionOptions projection;
    double growth_percent = 0.0;
    bool fixed_parameters = false;
};

}  // namespace

void add_project_command(CLI::App& app) {
    auto o = std::make_shared<ProjectOptions>();
    auto* command = app.add_subcommand(
        "project", "Project people by group per area to a future year from the 2011 -> 2021 change: constant shares, "
                   "share trend (shrunk towards the town's trend for small areas) or the calibrated residential model, "
                   "with intervals (trend: both censuses' sampling variation and each area's shrinkage uncertainty; "
                   "model: replicate runs, each with one of the calibration's bootstrap parameter sets) "
                   "(docs/simulation.md)");
    add_town_options(*command, o->town);
    const auto* g = "Projection";
    command->add_option("--method", o->method, "constant, trend or model")
        ->check(CLI::IsMember({"constant", "trend", "model"}))->capture_default_str()->group(g);
    command->add_option("--year", o->projection.year, "Year to project to (2022-2071)")
        ->check(CLI::Range(2022, 2071))->capture_default_str()->group(g);
    auto* growth = command->add_option("--growth", o->growth_percent,
                                       "Town growth in % a year (default: as observed 2011 -> 2021)")
                       ->check(CLI::Range(-10.0, 10.0))->group(g);
    command->add_option("--replicates", o->projection.replicates,
                        "Poisson redraws (trend) or model runs (model) for the intervals")
        ->check(CLI::Range(1, 100000))->capture_default_str()->group(g);
    command->add_option("--seed", o->projection.seed, "Random seed")->capture_default_str()->group(g);
    command->add_flag("--fixed-parameters", o->fixed_parameters,
                      "Model: run every replicate with the point-estimate parameters (the band is then simulation noise "
                      "only; by default each replicate draws one of the calibration's bootstrap parameter sets)")
        ->group(g);
    add_output_options(*command, o->output);
    command->callback([o, command, growth] {
        const Town town = load_town_from(o->town);
        ProjectionOptions options = o->projection;
        if (growth->count() > 0) options.annual_growth = o->growth_percent / 100.0;
        std::vector<std::string> notes;
        const ProjectionMethod method = parse_projection_method(o->method);
        if (method == ProjectionMethod::model) {
            options.parameters = parameters_for(o->town, town, notes);
            if (!o->fixed_parameters) options.parameter_draws = parameter_draws_for(o->town, town, notes);
        }
        if (method != ProjectionMethod::constant_shares) options.progress = progress_reporter("projecting");
        const Projection p = project(town, method, options);
        auto tables = projection_tables(p, town.name);
        tables.front().notes.insert(tables.front().notes.end(), notes.begin(), notes.end());
        tables.front().notes.insert(tables.front().notes.end(), town.notes.begin(), town.notes.end());
        emit(tables, o->output, *command);
    });
}

}  // namespace cohesion::cli
