#include "analysis/profile_table.hpp"

#include <fmt/format.h>

#include "indices/index_suite.hpp"
#include "spatial/segregation_profile.hpp"
#include "weights/distance_weights.hpp"

namespace cohesion {

ResultTable profile_table(const SpatialData& d, const ProfileRequest& o) {
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
    if (o.contiguity) scales.push_back({o.weights_rule + " neighbours", with_self(d.weights)});

    // Local environments are smoothed counts: one-value indices of counts alone (the suite
    // refuses per-area ones and those needing boundaries, by name).
    std::vector<const IndexDefinition*> two, multi;
    SuiteRequest named;
    named.indices = o.indices;
    if (!o.indices.empty())
        for (const auto* index : choose_indices(named).indices)
            (index->info.groups == IndexGroups::multigroup ? multi : two).push_back(index);
    LocalEnvironmentOptions environment;
    environment.round_to_integers = o.round;

    ResultTable out;
    out.title = "Segregation profile across scales";
    out.name = "profile";
    out.notes = d.table.history();
    out.notes.insert(out.notes.end(), d.notes.begin(), d.notes.end());
    out.notes.push_back(fmt::format("local environments: {} kernel on area centroids, each area counting itself fully "
                                    "(Reardon et al. 2008){}",
                                    o.kernel, o.round ? "; smoothed counts rounded to integers as pysal does" : ""));
    out.columns = {"scale", "index_name", "focal", "value"};
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

}  // namespace cohesion
