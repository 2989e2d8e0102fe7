// `cohesion hotspots`: where a group's share clusters — local Moran (LISA) clusters and
// Getis–Ord G* hot spots with permutation p-values and FDR control, per area, plus
// global Moran's I.
#include <fmt/format.h>

#include "autocorrelation/global_moran.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "cli/command.hpp"
#include "cli/hot_spot_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "indices/registry.hpp"

namespace cohesion::cli {

namespace {

struct HotspotsOptions {
    InputOptionValues input;
    SpatialOptionValues spatial;
    HotSpotOptionValues hot;
    OutputOptionValues output;
    std::string variable = "share";
};

// The per-area variable to test: the group's share (default), its location quotient, or
// each area's local segregation score (its contribution to M over all groups).
std::vector<double> tested_variable(const HotspotsOptions& o, const Table& table, const GroupShare& share,
                                    std::string& description) {
    if (o.variable == "share") {
        description = share.description;
        return share.share;
    }
    if (o.variable == "location_quotient") {
        double group = 0.0, total = 0.0;
        for (std::size_t i = 0; i < share.count.size(); ++i) {
            group += share.count[i];
            total += share.total[i];
        }
        std::vector<double> lq(share.share.size());
        for (std::size_t i = 0; i < lq.size(); ++i) lq[i] = share.share[i] / (group / total);
        description = "variable: location quotient of " + o.hot.group + " (share / town share)";
        return lq;
    }
    const CountMatrix m = multigroup(table);
    const IndexParams params;
    const auto local = IndexRegistry::instance().get("local_segregation").compute_local(IndexInput{m, params});
    std::vector<double> ls(table.areas(), 0.0);  // zero-population areas: 0
    for (std::size_t k = 0; k < m.units; ++k) ls[m.unit_rows[k]] = local.values[0][k];
    description = "variable: local segregation score (contribution to M, all groups)";
    return ls;
}

std::vector<ResultTable> run(const HotspotsOptions& o, const SpatialData& d) {
    const GroupShare share = group_share(d.table, o.hot.group);
    std::string description;
    const std::vector<double> y = tested_variable(o, d.table, share, description);
    const HotSpots h = find_hot_spots(y, d.weights, o.hot.options);
    const GlobalMoran moran = global_moran(y, row_standardised(d.weights), o.hot.options.permutations, o.hot.options.seed);

    ResultTable global;
    global.title = "Global spatial autocorrelation (" + o.variable + ")";
    global.notes = d.table.history();
    global.notes.insert(global.notes.end(), d.notes.begin(), d.notes.end());
    global.notes.push_back(description);
    global.columns = {"statistic", "value"};
    global.add_row({std::string("Moran's I (row-standardised)"), moran.I});
    global.add_row({std::string("expected I"), moran.expected});
    global.add_row({std::string("z (randomisation)"), moran.z_randomisation});
    global.add_row({std::string("p (randomisation, two-sided)"), moran.p_randomisation_two_sided});
    global.add_row({std::string("p (permutation, pseudo)"), moran.p_permutation});

    ResultTable areas;
    areas.title = "Hot spots per area (" + o.variable + ")";
    areas.notes = hot_spot_notes(o.hot.options);
    areas.columns = {"area", "population", "group", "share", "value", "lisa_I", "lisa_z", "lisa_p", "lisa_q", "cluster",
                     "gi_star_z", "gi_star_p", "gi_star_q", "hot_spot"};
    for (std::size_t i = 0; i < d.table.areas(); ++i)
        areas.add_row({d.table.area_codes()[i], share.total[i], share.count[i], share.share[i], y[i], h.lisa.I[i],
                       h.lisa.z_conditional[i], h.lisa.p_permutation[i], h.lisa_q[i], h.cluster[i], h.getis_ord.z[i],
                       h.getis_ord.p_permutation[i], h.getis_ord_q[i], h.hot_spot[i]});
    return {global, areas};
}

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
        const auto results = run(*o, d);
        emit_spatial(results, results.back(), d.layer, o->output, *command);
    });
}

}  // namespace cohesion::cli
