#include "analysis/town_profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "analysis/group_enclaves.hpp"
#include "analysis/index_tables.hpp"
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

// Index value per focal group from an index_table result: name -> column "value".
double value_of(const ResultTable& t, const std::string& index, const std::string& focal, const std::string& column) {
    const auto col = std::find(t.columns.begin(), t.columns.end(), column) - t.columns.begin();
    for (const auto& row : t.rows)
        if (std::get<std::string>(row[0]) == index && std::get<std::string>(row[2]) == focal)
            return static_cast<std::size_t>(col) < row.size() ? cell_number(row[static_cast<std::size_t>(col)]) : nan;
    return nan;
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
    p.composition.notes = table.history();
    p.composition.columns = {"group", "people", "share"};
    if (reference) p.composition.columns.push_back("reference_share");
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::vector<Cell> row{groups[g], totals[g], totals[g] / total};
        if (reference) row.emplace_back(ref_share[g]);
        p.composition.add_row(std::move(row));
    }

    step("segregation indices with bootstrap intervals");
    IndexTableRequest r;
    r.suite.indices = {"dissimilarity", "isolation"};
    r.suite.params.seed = o.seed;
    r.bootstrap = o.bootstrap;
    const ResultTable two = index_table(table, r);
    ResultTable ref_two;
    if (reference) {
        IndexTableRequest rr;
        rr.suite.indices = r.suite.indices;
        ref_two = index_table(*reference, rr);
    }
    std::vector<std::size_t> order(groups.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> d(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) d[g] = value_of(two, "dissimilarity", groups[g], "value");
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d[a] > d[b]; });
    p.groups.title = "Who lives most apart: groups ranked by dissimilarity (D) from everyone else";
    p.groups.notes = {two.notes.begin(), two.notes.end()};
    p.groups.columns = {"rank", "group", "share", "dissimilarity", "d_ci_lower", "d_ci_upper", "isolation",
                        "isolation_ci_lower", "isolation_ci_upper"};
    if (reference) p.groups.columns.insert(p.groups.columns.end(), {"reference_dissimilarity", "reference_isolation"});
    for (std::size_t k = 0; k < order.size(); ++k) {
        const auto& g = groups[order[k]];
        std::vector<Cell> row{static_cast<std::int64_t>(k + 1), g, totals[order[k]] / total, d[order[k]],
                              value_of(two, "dissimilarity", g, "ci_lower"), value_of(two, "dissimilarity", g, "ci_upper"),
                              value_of(two, "isolation", g, "value"), value_of(two, "isolation", g, "ci_lower"),
                              value_of(two, "isolation", g, "ci_upper")};
        if (reference) {
            row.emplace_back(value_of(ref_two, "dissimilarity", g, "value"));
            row.emplace_back(value_of(ref_two, "isolation", g, "value"));
        }
        p.groups.add_row(std::move(row));
    }

    IndexTableRequest mr;
    mr.suite.indices = {"mutual_information", "information_theory", "multi_dissimilarity"};
    mr.suite.params.seed = o.seed;
    mr.bootstrap = o.bootstrap;
    p.multigroup = index_table(table, mr);
    p.multigroup.title = "Segregation of all groups at once";

    // Default map group: the highest D among groups of at least 1 % of residents — tiny
    // groups score high D by chance, and a map of a few dozen people says little.
    p.focal = o.focal;
    for (std::size_t k = 0; k < order.size() && p.focal.empty(); ++k)
        if (totals[order[k]] >= 0.01 * total) p.focal = groups[order[k]];
    if (p.focal.empty()) p.focal = groups[order.front()];
    if (o.host.empty()) p.host = groups[static_cast<std::size_t>(std::max_element(totals.begin(), totals.end()) - totals.begin())];
    else p.host = o.host;
    table.group_index(p.host);

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
    p.enclaves = enclave_list_table(p.focal, {});
    if (weights) {
        step("hot spots and enclaves");
        const GroupEnclaves found = group_enclaves(table, p.focal, *weights, area_km2, o.hot_spots);
        p.hot_spot = found.hot_spots.hot_spot;
        for (const auto& e : found.enclaves)
            for (std::size_t i : e.members) p.enclave[i] = e.name;
        p.enclaves = enclave_list_table(p.focal, found.enclaves);
        p.enclaves.notes.push_back(fmt::format("G* hot spots of the {} share, {} permutations, FDR-controlled at {:g}",
                                               p.focal, o.hot_spots.permutations, o.hot_spots.alpha));
    }
    p.enclaves.title = "Enclaves of " + p.focal;

    p.areas.title = "Areas";
    p.areas.columns = {"area", "population", p.focal + "_share", p.focal + "_location_quotient", "local_segregation",
                       "hot_spot", "enclave", "neighbourhood_type"};
    for (std::size_t i = 0; i < n; ++i)
        p.areas.add_row({table.area_codes()[i], share.total[i], p.focal_share[i], p.focal_lq[i], p.local_segregation[i],
                         p.hot_spot[i], p.enclave[i], p.neighbourhood_type[i]});
    return p;
}

}  // namespace cohesion
