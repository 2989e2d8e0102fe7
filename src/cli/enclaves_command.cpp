// `cohesion enclaves`: contiguous runs of significant hot spots of a group's share,
// named and measured (areas, people, share, land area, share of the group in them).
#include "cli/command.hpp"
#include "cli/enclave_options.hpp"
#include "cli/hot_spot_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "analysis/enclave_tables.hpp"

namespace cohesion::cli {

namespace {

struct EnclavesOptions {
    InputOptionValues input;
    SpatialOptionValues spatial;
    HotSpotOptionValues hot;
    EnclaveOptionValues enclave;
    OutputOptionValues output;
};

}  // namespace

void add_enclaves_command(CLI::App& app) {
    auto o = std::make_shared<EnclavesOptions>();
    auto* command = app.add_subcommand(
        "enclaves", "Find enclaves: contiguous significant hot spots of a group's share, with their population, "
                    "share, land area and the share of the group living in them");
    add_input_options(*command, o->input);
    add_spatial_options(*command, o->spatial);
    add_hot_spot_options(*command, o->hot);
    add_enclave_options(*command, o->enclave);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        SpatialData d = load_spatial(o->spatial, load_input(o->input));
        apply_places(o->enclave, d);
        const auto results = enclave_tables(d, o->hot.group, o->hot.options, o->enclave.options);
        emit_spatial(results, results.back(), d.layer, o->output, *command);
    });
}

}  // namespace cohesion::cli
