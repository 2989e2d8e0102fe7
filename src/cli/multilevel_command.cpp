// `cohesion multilevel`: the multilevel index of dissimilarity (MLID, Harris 2017) for a pair of
// groups or every group against the rest, with the exact M/H decomposition across every level.
#include <iostream>

#include "analysis/multilevel_tables.hpp"
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"

namespace cohesion::cli {

namespace {

struct MultilevelOptions {
    InputOptionValues input;
    OutputOptionValues output;
    MultilevelRequest request;
    std::string boundaries;
    AreaLayerOptions layer;
};

}  // namespace

void add_multilevel_command(CLI::App& app) {
    auto o = std::make_shared<MultilevelOptions>();
    auto* command = app.add_subcommand(
        "multilevel",
        "Multilevel index of dissimilarity (MLID): at which scale (e.g. OA, LSOA, MSOA, local authority, region) "
        "two groups are separated, which areas drive D, and M/H split across every level at once");
    add_input_options(*command, o->input);
    auto* g = "Multilevel";
    command->add_option("--levels", o->request.levels,
                        "Hierarchy, base first, e.g. LSOA,MSOA,LAD,RGN (rows are summed to the base; the first may "
                        "be the area codes, e.g. OA)")
        ->delimiter(',')->required()->group(g);
    command->add_option("--group,-g", o->request.group,
                        "Focal group Y, e.g. Bangladeshi (default: every group against everyone else, one row each)")
        ->group(g);
    command->add_option("--versus", o->request.versus,
                        "Comparison group X, e.g. WhiteBrit (default: everyone else in the area)")->group(g);
    command->add_option("--omit", o->request.omit,
                        "Leave out areas with this name or code at any level before fitting, e.g. \"Tower Hamlets\" "
                        "(comma-separated or repeated)")
        ->delimiter(',')->group(g);
    command->add_option("--places", o->request.places,
                        "Show the effect on D of these higher-level areas (their effects zeroed, their contribution, "
                        "D within them), e.g. \"Tower Hamlets,Newham\"")
        ->delimiter(',')->group(g);
    command->add_option("--map-level", o->request.map_level,
                        "Level whose areas form the last table (all of them; the map layer with --boundaries); "
                        "default: the level above the base")->group(g);
    command->add_option("--top", o->request.top, "Areas listed for the other levels (largest impact first)")
        ->default_val(10)->group(g);
    command->add_option("--bootstrap", o->request.bootstrap,
                        "Parametric bootstrap refits for 95% intervals of the variance shares (0 = none; 100 refits "
                        "take about 6 s of CPU on the 34,753 national LSOAs)")
        ->default_val(0)->group(g);
    command->add_option("--expected-draws", o->request.expected_draws,
                        "Draws for D expected under random allocation (MLID's E(ID)); 0 = skip")
        ->default_val(100)->group(g);
    command->add_option("--seed", o->request.seed, "Seed of the bootstrap and of the expected D")
        ->default_val(2017)->group(g);
    add_output_options(*command, o->output);
    command->add_option("--boundaries", o->boundaries,
                        "Polygons of the --map-level areas (any OGR source), to write their effects and impacts as a "
                        "map layer with --output .geojson/.gpkg")
        ->group("Output");
    command->add_option("--code-field", o->layer.code_field, "Area-code field of --boundaries (default: auto)")
        ->group("Output");
    command->callback([o, command] {
        o->request.progress = [](const std::string& step) { std::cerr << "multilevel: " << step << "\n"; };
        const auto results = multilevel_tables(load_input(o->input), o->request);
        emit_with_boundaries(results, o->boundaries, o->layer, o->output, *command);
    });
}

}  // namespace cohesion::cli
