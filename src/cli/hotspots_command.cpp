// `cohesion hotspots`: where a group's share clusters — local Moran (LISA) clusters and
// Getis–Ord G* hot spots with permutation p-values and FDR control, per area, plus
// global Moran's I.
#include "analysis/hot_spot_tables.hpp"
#include "cli/command.hpp"
#include "cli/hot_spot_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"

namespace cohesion::cli {

namespace {

struct HotspotsOptions {
    InputOptionValues input;
    SpatialOptionValues spatial;
    HotSpotOptionValues hot;
    OutputOptionValues output;
    std::string variable = "share";
};

}  // namespace

void add_hotspots_command(CLI::App& app) {
    auto o = std::make_shared<HotspotsOptions>();
    auto* command = app.add_subcommand(
        "hotspots", "Local Moran (LISA) clusters and Getis-Ord G* hot spots of a group's share, with permutation "
                    "p-values and false-discovery-rate control");
    add_input_options(*command, o->input);
    add_spatial_options(*command, o->spatial);
    add_hot_spot_options(*command, o->hot);
    command->add_option("--variable", o->variable,
                        "What to test per area: share (of the group), location_quotient, or local_segregation "
                        "(each area's contribution to M over all groups)")
        ->check(CLI::IsMember({"share", "location_quotient", "local_segregation"}))
        ->default_val("share")->group("Hot spots");
    add_output_options(*command, o->output);
    command->callback([o, command] {
        SpatialData d = load_spatial(o->spatial, load_input(o->input));
        const auto results = hot_spot_tables(d, o->hot.group, o->variable, o->hot.options);
        emit_spatial(results, results.back(), d.layer, o->output, *command);
    });
}

}  // namespace cohesion::cli
