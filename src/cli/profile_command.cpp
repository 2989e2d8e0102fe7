// `cohesion profile`: segregation across geographic scales — indices computed on local
// environments (kernel-weighted neighbourhoods of each area) at several bandwidths,
// and on contiguity neighbourhoods.
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/spatial_options.hpp"
#include "analysis/profile_table.hpp"

namespace cohesion::cli {

namespace {

struct ProfileOptions {
    InputOptionValues input;
    SpatialOptionValues spatial;
    OutputOptionValues output;
    ProfileRequest profile;
};

}  // namespace

void add_profile_command(CLI::App& app) {
    auto o = std::make_shared<ProfileOptions>();
    auto* command = app.add_subcommand(
        "profile", "Segregation profile: indices on kernel-weighted local environments at several distances "
                   "(e.g. 250 m to 2 km) and on contiguity neighbourhoods");
    add_input_options(*command, o->input);
    add_spatial_options(*command, o->spatial);
    auto* g = "Profile";
    command->add_option("--distances", o->profile.distances, "Bandwidths in metres")->delimiter(',')
        ->default_str("250,500,1000,2000")->group(g);
    command->add_option("--kernel", o->profile.kernel, "Kernel: triangular, uniform, quadratic, quartic or gaussian")
        ->default_val("triangular")->group(g);
    command->add_flag("!--no-contiguity", o->profile.contiguity, "Leave out the contiguity-neighbourhood scale")->group(g);
    command->add_flag("--round", o->profile.round, "Round smoothed counts to integers (pysal segregation 2.5 behaviour)")->group(g);
    command->add_option("--group,-g", o->profile.focal, "Focal group(s) for two-group indices (default: every group)")
        ->delimiter(',')->group(g);
    command->add_option("--index,-i", o->profile.indices, "Indices to profile (two-group or multigroup)")->delimiter(',')
        ->default_str("dissimilarity,isolation,multi_dissimilarity,mutual_information,information_theory")->group(g);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        const SpatialData d = load_spatial(o->spatial, load_input(o->input));
        ProfileRequest request = o->profile;
        request.weights_rule = o->spatial.weights;
        emit({profile_table(d, request)}, o->output, *command);
    });
}

}  // namespace cohesion::cli
