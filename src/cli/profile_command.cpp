// `cohesion profile`: segregation across geographic scales — indices computed on local
// environments (kernel-weighted neighbourhoods of each area) at several bandwidths,
// and on contiguity neighbourhoods.
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/spatial_options.hpp"
#include "indices/registry.hpp"
#include "spatial/segregation_profile.hpp"
#include "weights/distance_weights.hpp"

namespace cohesion::cli {

namespace {

struct ProfileOptions {
    InputOptionValues input;
    SpatialOptionValues spatial;
    OutputOptionValues output;
    std::vector<double> distances{250, 500, 1000, 2000};
    std::string kernel = "triangular";
    bool contiguity = true;
    bool round = false;
    std::vector<std::string> focal;
    std::vector<std::string> indices{"dissimilarity", "isolation", "multi_dissimilarity", "mutual_information",
                                     "information_theory"};
};

ResultTable run(const ProfileOptions& o, const SpatialData& d) {
    Points centroids;
    for (std::size_t f : d.feature) {
        centroids.x.push_back(d.layer.centroid_x[f]);
        centroids.y.push_back(d.layer.centroid_y[f]);
        centroids.ids.push_back(d.layer.codes[f]);
    }
    std::vector<ProfileScale> scales;
    scales.push_back({"aspatial", with_self(weights_from_lists(std::vector<std::vector<std::size_t>>(d.table.areas()), {}, "none"))});
    for (double distance : o.distances) {
        KernelOptions k;
        k.function = parse_kernel_function(o.kernel);
        k.bandwidth = distance;
        k.self_weight_one = true;
        scales.push_back({fmt::format("{:g} m", distance), kernel_weights(centroids, k)});
    }
    if (o.contiguity) scales.push_back({o.spatial.weights + " neighbours", with_self(d.weights)});

    std::vector<const IndexDefinition*> two, multi;
    for (const auto& name : o.indices) {
        const auto& index = IndexRegistry::instance().get(name);
        (index.info.kind == IndexKind::multigroup ? multi : two).push_back(&index);
    }
    LocalEnvironmentOptions environment;
    environment.round_to_integers = o.round;

    ResultTable out;
    out.title = "Segregation profile across scales";
    out.notes = d.table.history();
    out.notes.insert(out.notes.end(), d.notes.begin(), d.notes.end());
    out.notes.push_back(fmt::format("local environments: {} kernel on area centroids, each area counting itself fully "
                                    "(Reardon et al. 2008){}",
                                    o.kernel, o.round ? "; smoothed counts rounded to integers as pysal does" : ""));
    out.columns = {"scale", "index", "focal", "value"};
    // Zero-population areas are kept in the smoothing (their neighbours' people reach them).
    auto add = [&](const std::vector<const IndexDefinition*>& indices, const CountMatrix& m, const std::string& focal) {
        if (indices.empty()) return;
        for (const auto& p : segregation_profile(m, indices, scales, environment))
            out.add_row({p.scale, p.index, focal, p.value});
    };
    if (!multi.empty()) add(multi, multigroup(d.table), "all groups");
    if (!two.empty()) {
        std::vector<std::string> focal = o.focal.empty() ? d.table.group_names() : o.focal;
        for (const auto& g : focal) add(two, two_group_vs_rest(d.table, g), g);
    }
    return out;
}

}  // namespace

void add_profile_command(CLI::App& app) {
    auto o = std::make_shared<ProfileOptions>();
    auto* command = app.add_subcommand(
        "profile", "Segregation profile: indices on kernel-weighted local environments at several distances "
                   "(e.g. 250 m to 2 km) and on contiguity neighbourhoods");
    add_input_options(*command, o->input);
    add_spatial_options(*command, o->spatial);
    auto* g = "Profile";
    command->add_option("--distances", o->distances, "Bandwidths in metres")->delimiter(',')
        ->default_str("250,500,1000,2000")->group(g);
    command->add_option("--kernel", o->kernel, "Kernel: triangular, uniform, quadratic, quartic or gaussian")
        ->default_val("triangular")->group(g);
    command->add_flag("!--no-contiguity", o->contiguity, "Leave out the contiguity-neighbourhood scale")->group(g);
    command->add_flag("--round", o->round, "Round smoothed counts to integers (pysal segregation 2.5 behaviour)")->group(g);
    command->add_option("--group,-g", o->focal, "Focal group(s) for two-group indices (default: every group)")
        ->delimiter(',')->group(g);
    command->add_option("--index,-i", o->indices, "Indices to profile (two-group or multigroup)")->delimiter(',')
        ->default_str("dissimilarity,isolation,multi_dissimilarity,mutual_information,information_theory")->group(g);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        const SpatialData d = load_spatial(o->spatial, load_input(o->input));
        emit({run(*o, d)}, o->output, *command);
    });
}

}  // namespace cohesion::cli
