#include "analysis/hot_spot_tables.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/group_share.hpp"
#include "autocorrelation/global_moran.hpp"
#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "indices/registry.hpp"

namespace cohesion {

namespace {

std::vector<double> tested_variable(const std::string& variable, const std::string& group, const Table& table,
                                    const GroupShare& share, std::string& description) {
    if (variable == "share") {
        description = share.description;
        return share.share;
    }
    if (variable == "location_quotient") {
        double in_group = 0.0, total = 0.0;
        for (std::size_t i = 0; i < share.count.size(); ++i) {
            in_group += share.count[i];
            total += share.total[i];
        }
        std::vector<double> lq(share.share.size());
        for (std::size_t i = 0; i < lq.size(); ++i) lq[i] = share.share[i] / (in_group / total);
        description = "variable: location quotient of " + group + " (share / town share)";
        return lq;
    }
    if (variable != "local_segregation")
        throw Error(Field{"variable"},
                    "unknown variable '" + variable + "'; expected share, location_quotient or local_segregation");
    const CountMatrix m = multigroup(table);
    const IndexParams params;
    const auto local = IndexRegistry::instance().get("local_segregation").compute_local(IndexInput{m, params});
    std::vector<double> ls(table.areas(), 0.0);  // zero-population areas: 0
    for (std::size_t k = 0; k < m.units; ++k) ls[m.unit_rows[k]] = local.values[0][k];
    description = "variable: local segregation score (contribution to M, all groups)";
    return ls;
}

}  // namespace

std::vector<std::string> hot_spot_notes(const HotSpotOptions& o) {
    return {fmt::format("{} conditional permutations per area, seed {}; labels at alpha = {:g} using {}", o.permutations,
                        o.seed, o.alpha,
                        o.false_discovery_rate ? "Benjamini-Hochberg FDR-adjusted p (q)" : "raw pseudo p-values"),
            "LISA: row-standardised weights, clusters HH/LL/HL/LH; G*: binary weights including the area itself"};
}

std::vector<ResultTable> hot_spot_tables(const SpatialData& d, const std::string& group, const std::string& variable,
                                         const HotSpotOptions& options) {
    return hot_spot_tables(d.table, d.weights, d.notes, group, variable, options);
}

std::vector<ResultTable> hot_spot_tables(const Table& table, const Weights& weights,
                                         const std::vector<std::string>& spatial_notes, const std::string& group,
                                         const std::string& variable, const HotSpotOptions& options) {
    struct {
        const Table& table;
        const Weights& weights;
        const std::vector<std::string>& notes;
    } d{table, weights, spatial_notes};
    const GroupShare share = group_share(d.table, group);
    std::string description;
    const std::vector<double> y = tested_variable(variable, group, d.table, share, description);
    const HotSpots h = find_hot_spots(y, d.weights, options);
    const GlobalMoran moran = global_moran(y, row_standardised(d.weights), options.permutations, options.seed);

    ResultTable global;
    global.title = "Global spatial autocorrelation (" + variable + ")";
    global.name = "global";
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
    areas.title = "Hot spots per area (" + variable + ")";
    areas.name = "areas";
    areas.notes = hot_spot_notes(options);
    areas.columns = {"area", "population", "group_count", "share", "value", "lisa_i", "lisa_z", "lisa_p", "lisa_q", "cluster",
                     "gi_star_z", "gi_star_p", "gi_star_q", "hot_spot"};
    for (std::size_t i = 0; i < d.table.areas(); ++i)
        areas.add_row({d.table.area_codes()[i], share.total[i], share.count[i], share.share[i], y[i], h.lisa.I[i],
                       h.lisa.z_conditional[i], h.lisa.p_permutation[i], h.lisa_q[i], h.cluster[i], h.getis_ord.z[i],
                       h.getis_ord.p_permutation[i], h.getis_ord_q[i], h.hot_spot[i]});
    const auto hot = std::count(h.hot_spot.begin(), h.hot_spot.end(), "hot");
    const auto cold = std::count(h.hot_spot.begin(), h.hot_spot.end(), "cold");
    areas.headline = fmt::format("{} of {} areas are hot spots and {} cold spots of {} ({}); Moran's I = {:.3f}", hot,
                                 d.table.areas(), cold, group, variable, moran.I);
    return {global, areas};
}

}  // namespace cohesion
