// `cohesion emerging A B`: which enclaves of a group emerged, persisted or dissolved
// between two censuses on the same areas, with the group's growth in each, and a
// per-area map layer (new / persisting / left).
#include <fmt/format.h>

#include "analysis/emerging_tables.hpp"
#include "cli/command.hpp"
#include "cli/enclave_options.hpp"
#include "cli/hot_spot_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"

namespace cohesion::cli {

namespace {

struct EmergingOptions {
    InputOptionValues input;
    SecondTableValues b;
    SpatialOptionValues spatial;
    HotSpotOptionValues hot;
    EnclaveOptionValues enclave;
    OutputOptionValues output;
    double years = 10.0;
};

}  // namespace

void add_emerging_command(CLI::App& app) {
    auto o = std::make_shared<EmergingOptions>();
    auto* command = app.add_subcommand(
        "emerging", "Emerging enclaves: a group's enclaves in the later census and not the earlier one (and those "
                    "that persisted or dissolved), with the group's growth in each; tables on the same areas");
    add_input_options(*command, o->input, "A");
    add_second_table_options(*command, o->b, "Later table, on the same geography as A (harmonise A first)", true);
    add_spatial_options(*command, o->spatial);
    add_hot_spot_options(*command, o->hot);
    auto* g = "Enclaves";
    add_enclave_options(*command, o->enclave);
    command->add_option("--years", o->years, "Years between the censuses, for annualised growth")
        ->default_val(10.0)->check(CLI::PositiveNumber)->group(g);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        const Table a = load_input(o->input);
        const Table b = load_second_table(o->input, a, o->b);
        const SpatialData d = load_spatial(o->spatial, a);
        EmergingRequest request;
        request.group = o->hot.group;
        request.hot_spots = o->hot.options;
        apply_places(o->enclave, d);
        request.enclaves = o->enclave.options;
        request.years = o->years;
        request.label_a = o->input.input.path;
        request.label_b = o->b.path.empty() ? o->input.input.path : o->b.path;
        const auto results = emerging_tables(d, b, request);
        emit_spatial(results, results.back(), d.layer, o->output, *command);
    });
}

}  // namespace cohesion::cli
