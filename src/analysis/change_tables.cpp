#include "analysis/change_tables.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <unordered_map>

#include "change/mutual_difference.hpp"
#include "core/error.hpp"

namespace cohesion {

namespace {

// Each of `groups`' share of their sum in the reference table.
std::vector<double> reference_shares(const Table& t, const std::vector<std::string>& groups) {
    std::vector<double> share(groups.size(), 0.0);
    double total = 0.0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (!t.find_group(groups[g]))
            throw Error(Location{t.source(), 1, groups[g]}, "the national table has no such group (map it with a scheme)");
        for (double v : t.column(t.group_index(groups[g]))) share[g] += v;
        total += share[g];
    }
    for (double& v : share) v = total > 0 ? v / total : 0.0;
    return share;
}

void add_national_comparison(ResultTable& town, const NationalChange& n, const PaceOfChange& p) {
    const auto nat_a = reference_shares(*n.a, p.groups);
    const auto nat_b = reference_shares(*n.b, p.groups);
    for (const char* c : {"national_share_a", "national_share_b", "national_change_pp", "town_minus_national_pp"})
        town.columns.emplace_back(c);
    for (std::size_t g = 0; g < p.groups.size(); ++g) {
        const double national_pp = 100.0 * (nat_b[g] - nat_a[g]);
        auto& row = town.rows[g];
        row.emplace_back(nat_a[g]);
        row.emplace_back(nat_b[g]);
        row.emplace_back(national_pp);
        row.emplace_back(100.0 * (p.whole.share_b[g] - p.whole.share_a[g]) - national_pp);
    }
    town.notes.push_back("national: " + n.label +
                         " (town_minus_national_pp > 0: the group's share grew faster here than nationally)");
}

ResultTable decomposition_table(const MutualDifference& md, const std::vector<std::string>& notes) {
    ResultTable t;
    t.title = "Why segregation changed: Shapley decomposition of the change in Theil's M (Elbers 2021)";
    t.name = "shapley";
    t.notes = {notes[0], notes[1]};
    t.notes.push_back(fmt::format("{} areas with people in A, {} in B, {} in both; groups in both: {}", md.units_a,
                                  md.units_b, md.units.size(), fmt::join(md.common_groups, ", ")));
    t.notes.push_back(fmt::format("{} empty cells filled with {:g} for the margin fitting (IPF)", md.filled_cells,
                                  md.fill_value));
    for (const auto& run : md.ipf)
        t.notes.push_back(fmt::format("IPF {} ({}): {} sweeps, margin error {:.2g}{}", run.name, run.description,
                                      run.iterations, run.max_margin_error,
                                      run.converged ? "" : " — NOT CONVERGED, treat the split as approximate"));
    t.columns = {"component", "value", "meaning"};
    t.add_row({std::string("M_A"), md.M1, std::string("M of the earlier table")});
    t.add_row({std::string("M_B"), md.M2, std::string("M of the later table")});
    t.add_row({std::string("difference"), md.diff, std::string("M_B - M_A = the sum of the five rows below")});
    t.add_row({std::string("additions"), md.additions, std::string("areas or groups only in B")});
    t.add_row({std::string("removals"), md.removals, std::string("areas or groups only in A")});
    t.add_row({std::string("group_marginal"), md.group_marginal,
               std::string("change in the groups' overall sizes (composition)")});
    t.add_row({std::string("unit_marginal"), md.unit_marginal, std::string("change in the areas' sizes")});
    t.add_row({std::string("structural"), md.structural,
               std::string("true change in how groups are sorted across areas, margins held fixed")});
    return t;
}

// Per-area local segregation in both years and the area's share of the structural change.
void add_structural_contributions(ResultTable& areas, const MutualDifference& md) {
    std::unordered_map<std::string, const UnitStructuralChange*> by_code;
    for (const auto& u : md.units) by_code.emplace(u.code, &u);
    for (const char* c : {"local_segregation_a", "local_segregation_b", "structural_contribution"})
        areas.columns.emplace_back(c);
    for (auto& row : areas.rows) {
        const auto it = by_code.find(std::get<std::string>(row[0]));
        if (it == by_code.end()) {
            row.resize(areas.columns.size());
            continue;
        }
        row.emplace_back(it->second->local_a);
        row.emplace_back(it->second->local_b);
        row.emplace_back(it->second->contribution);
    }
}

}  // namespace

std::vector<ResultTable> change_tables(const Table& a, const Table& b, const ChangeTableOptions& o) {
    const PaceOfChange p = pace_of_change(a, b, o.pace);
    std::vector<std::string> notes{"A: " + o.label_a, "B: " + o.label_b};
    for (const auto& n : a.history()) notes.push_back("A: " + n);
    for (const auto& n : b.history()) notes.push_back("B: " + n);
    notes.push_back(fmt::format("{} areas in both; {} only in A and {} only in B are left out", p.areas.size(), p.only_a,
                                p.only_b));
    notes.push_back(fmt::format("pace = half the sum of absolute share changes (share of residents 'replaced'); "
                                "areas with pace >= {:.4g} flagged as fast; growth annualised over {:g} years",
                                p.fast_threshold, p.years));

    ResultTable town;
    town.title = "Change in the town's make-up (common areas)";
    town.name = "town";
    town.notes = notes;
    town.columns = {"group_name", "count_a", "count_b", "share_a", "share_b", "change_pp", "annual_growth"};
    for (std::size_t g = 0; g < p.groups.size(); ++g)
        town.add_row({p.groups[g], p.whole.count_a[g], p.whole.count_b[g], p.whole.share_a[g], p.whole.share_b[g],
                      100.0 * (p.whole.share_b[g] - p.whole.share_a[g]),
                      annualised_growth(p.whole.count_a[g], p.whole.count_b[g], p.years)});
    town.notes.push_back(fmt::format("town-wide pace {:.4g} (people {:g} -> {:g})", p.whole.pace, p.whole.total_a,
                                     p.whole.total_b));
    if (o.national) add_national_comparison(town, *o.national, p);

    ResultTable areas;
    areas.title = "Pace of change per area (1 = fastest)";
    areas.name = "areas";
    areas.columns = {"area", "rank", "fast", "pace", "total_a", "total_b", "entropy_a", "entropy_b"};
    for (const auto& g : p.groups)
        for (const char* suffix : {"_share_a", "_share_b", "_change_pp"}) areas.columns.push_back(g + suffix);
    areas.show_on_map("pace");
    areas.ranked_by("rank");
    for (const auto& c : p.areas) {
        std::vector<Cell> row{c.code, static_cast<std::int64_t>(c.rank), std::string(c.fast ? "yes" : "no"), c.pace,
                              c.total_a, c.total_b, c.entropy_a, c.entropy_b};
        for (std::size_t g = 0; g < p.groups.size(); ++g) {
            row.emplace_back(c.share_a[g]);
            row.emplace_back(c.share_b[g]);
            row.emplace_back(100.0 * (c.share_b[g] - c.share_a[g]));
        }
        areas.add_row(std::move(row));
    }
    const MutualDifference md = mutual_difference(a, b);
    ResultTable decomposition = decomposition_table(md, notes);
    add_structural_contributions(areas, md);
    const auto fastest = std::find_if(p.areas.begin(), p.areas.end(), [](const auto& c) { return c.rank == 1; });
    town.headline = fmt::format("{} areas compared; town-wide pace {:.1f} % of residents 'replaced'{}", p.areas.size(),
                                100.0 * p.whole.pace,
                                fastest == p.areas.end()
                                    ? std::string()
                                    : fmt::format("; fastest-changing area {} ({:.1f} %)", fastest->code,
                                                  100.0 * fastest->pace));
    return {town, decomposition, areas};
}


}  // namespace cohesion
