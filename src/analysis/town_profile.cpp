#include "analysis/town_profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "analysis/group_enclaves.hpp"
#include "inference/bootstrap.hpp"
#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "indices/registry.hpp"
#include "spatial/typology.hpp"

namespace cohesion {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::vector<double> group_totals(const Table& t) {
    std::vector<double> out(t.groups(), 0.0);
    for (std::size_t g = 0; g < t.groups(); ++g)
        for (double v : t.column(g)) out[g] += v;
    return out;
}

}  // namespace

TownProfile town_profile(const Table& table, const Weights* weights, const std::vector<double>& area_km2,
                         const std::optional<Table>& reference, const TownProfileOptions& o) {
    auto step = [&](const std::string& s) {
        if (o.step) o.step(s);
    };
    TownProfile p;
    const auto& groups = table.group_names();
    const auto totals = group_totals(table);
    const double total = std::accumulate(totals.begin(), totals.end(), 0.0);
    p.total_population = total;
    std::vector<double> ref_share;
    if (reference) {
        for (const auto& g : groups)
            if (!reference->find_group(g))
                throw Error(Location{reference->source(), 0, g}, "the reference table has no group '" + g + "'");
        const auto rt = group_totals(*reference);
        const double rsum = std::accumulate(rt.begin(), rt.end(), 0.0);
        for (const auto& g : groups) ref_share.push_back(rt[reference->group_index(g)] / rsum);
    }

    step("composition");
    p.composition.title = "Population by group";
    p.composition.name = "composition";
    p.composition.notes = table.history();
    p.composition.columns = {"group_name", "people", "share"};
    if (reference) p.composition.columns.push_back("reference_share");
    p.composition.set_kind("group_name", ColumnKind::group);
    p.composition.set_kind("people", ColumnKind::count);
    p.composition.set_kind("share", ColumnKind::share);
    if (reference) p.composition.set_kind("reference_share", ColumnKind::share);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::vector<Cell> row{groups[g], totals[g], totals[g] / total};
        if (reference) row.emplace_back(ref_share[g]);
        p.composition.add_row(std::move(row));
    }

    step("segregation indices with bootstrap intervals");
    // Who lives most apart: one ranking (analysis/group_ranking), so the key figure, the
    // table and the map group below agree with `cohesion indices --rank`.
    GroupRankingOptions ro;
    ro.index = "dissimilarity";
    ro.also = {"isolation"};
    ro.bootstrap = o.bootstrap;
    ro.randomisation = o.randomisation;
    ro.interval = o.interval;
    ro.rule = o.rule;
    ro.seed = o.seed;
    p.ranking = rank_groups(table, ro);
    if (reference) {
        GroupRankingOptions rr = ro;
        rr.bootstrap = rr.randomisation = 0;  // the reference values are shown raw, for comparison only
        p.reference_ranking = rank_groups(*reference, rr);
    }
    p.groups = ranking_table(p.ranking);
    if (p.reference_ranking) {
        p.groups.columns.insert(p.groups.columns.end(), {"reference_dissimilarity_raw", "reference_isolation_raw"});
        p.groups.notes.push_back("reference_*_raw: the index in the reference area on its own areas, without bootstrap "
                                 "(not bias-corrected)");
        for (std::size_t k = 0; k < p.ranking.groups.size(); ++k) {
            const GroupRanking* ref = p.reference_ranking->find(p.ranking.groups[k].group);
            p.groups.rows[k].emplace_back(ref ? Cell{ref->value.raw_value} : Cell{});
            p.groups.rows[k].emplace_back(ref ? Cell{ref->also.at(0).raw_value} : Cell{});
        }
    }

    const CountMatrix all = multigroup(table);
    const auto& registry = IndexRegistry::instance();
    p.multigroup.title = "Segregation of all groups at once";
    p.multigroup.name = "multigroup";
    p.multigroup.notes = table.history();
    p.multigroup.notes.push_back("view: " + all.description);
    p.multigroup.columns = {"index_name", "estimate", "raw_value", "std_error", "ci_lower", "ci_upper", "bias"};
    for (const char* name : {"mutual_information", "information_theory", "multi_dissimilarity"}) {
        const auto& index = registry.get(name);
        IndexParams params;
        params.seed = o.seed;
        const BootstrapResult b = bootstrap(index, all, params, BootstrapOptions{o.bootstrap, 0.95, o.seed, {}, {}});
        p.multigroup_values.push_back({name, index.info.title, summarise_bootstrap(b.estimate, b.replicates, 0.95, o.interval)});
        const auto& v = p.multigroup_values.back().value;
        p.multigroup.add_row({std::string(name), v.estimate, v.raw_value, v.standard_error, v.ci_lower, v.ci_upper, v.bias});
    }
    p.multigroup.notes.push_back(fmt::format("{} bootstrap replicates; interval method '{}': {}", o.bootstrap,
                                             to_string(o.interval), describe(o.interval, 0.95)));

    // Map group: the top of the ranking unless the user chose one. Without a ranked group
    // (none passes the rule) the largest group is mapped — never a tiny one by default.
    p.focal = o.focal;
    p.focal_chosen = !o.focal.empty();
    if (p.focal.empty()) {
        if (const GroupRanking* top = p.ranking.top()) p.focal = top->group;
        else p.focal = groups[static_cast<std::size_t>(std::max_element(totals.begin(), totals.end()) - totals.begin())];
    }
    table.group_index(p.focal, "group");
    if (o.host.empty()) p.host = groups[static_cast<std::size_t>(std::max_element(totals.begin(), totals.end()) - totals.begin())];
    else p.host = o.host;
    table.group_index(p.host, "typology_host");

    step("per-area statistics");
    const std::size_t n = table.areas();
    // The focal group's share over the same unit total as `hotspots` and `enclaves` use
    // (the declared total when the table has one), so the report's maps agree with them.
    const GroupShare share = group_share(table, p.focal);
    const double focal_town = std::accumulate(share.count.begin(), share.count.end(), 0.0) /
                              std::accumulate(share.total.begin(), share.total.end(), 0.0);
    p.focal_share.assign(n, nan);
    p.focal_lq.assign(n, nan);
    p.local_segregation.assign(n, nan);
    for (std::size_t i = 0; i < n; ++i)
        if (share.total[i] > 0) {
            p.focal_share[i] = share.share[i];
            p.focal_lq[i] = share.share[i] / focal_town;
        }
    const CountMatrix m = multigroup(table);
    const auto local = IndexRegistry::instance().get("local_segregation").compute_local(IndexInput{m, IndexParams{}});
    for (std::size_t k = 0; k < m.units; ++k) p.local_segregation[m.unit_rows[k]] = local.values[0][k];

    TypologyOptions typ;
    typ.host_group = p.host;
    const auto types = classify_neighbourhoods(m, typ);
    p.neighbourhood_type.assign(n, "");
    for (std::size_t k = 0; k < m.units; ++k) p.neighbourhood_type[m.unit_rows[k]] = types[k].label;

    p.hot_spot.assign(n, "");
    p.enclave.assign(n, "");
    p.enclave_min_lq = o.enclaves.min_lq;
    p.enclaves = enclave_list_table(p.focal, {});
    if (weights) {
        step("hot spots and enclaves");
        const GroupEnclaves found = group_enclaves(table, p.focal, *weights, area_km2, o.hot_spots, o.enclaves);
        p.hot_spot = found.hot_spots.hot_spot;
        for (const auto& e : found.enclaves)
            for (std::size_t i : e.members) p.enclave[i] = e.place;
        p.enclaves = enclave_list_table(p.focal, found.enclaves);
        p.enclave_list = found.enclaves;
        for (double c : found.share.count) p.focal_count += c;
        p.enclaves.notes.push_back(fmt::format("G* hot spots of the {} share, {} permutations, FDR-controlled at {:g}",
                                               p.focal, o.hot_spots.permutations, o.hot_spots.alpha));
    }
    p.enclaves.title = "Enclaves of " + p.focal;
    p.enclaves.name = "enclaves";

    p.areas.title = "Areas";
    p.areas.name = "areas";
    p.areas.columns = {"area", "population", p.focal + "_share", p.focal + "_location_quotient", "local_segregation",
                       "hot_spot", "enclave", "neighbourhood_type"};
    for (std::size_t i = 0; i < n; ++i)
        p.areas.add_row({table.area_codes()[i], share.total[i], p.focal_share[i], p.focal_lq[i], p.local_segregation[i],
                         p.hot_spot[i], p.enclave[i], p.neighbourhood_type[i]});
    return p;
}

}  // namespace cohesion
