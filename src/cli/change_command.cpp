// `cohesion change A B`: how fast each area's make-up changed between two censuses on
// the same geography (harmonise the earlier table first), which areas changed fastest,
// and the town's change group by group.
#include <fmt/format.h>

#include <unordered_map>

#include "change/mutual_difference.hpp"
#include "change/pace_of_change.hpp"
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "core/error.hpp"
#include "io/table_input.hpp"

namespace cohesion::cli {

namespace {

struct ChangeOptions {
    InputOptionValues input;
    OutputOptionValues output;
    SecondTableValues b;
    PaceOptions pace;
    std::string boundaries;
    AreaLayerOptions layer;
    std::string national_a, national_b, national_scheme_a, national_scheme_b;
};

// Each group's share of a whole reference table (e.g. England & Wales), in `groups` order.
std::vector<double> reference_shares(const std::string& path, const std::string& scheme,
                                     const std::vector<std::string>& groups) {
    TableInput input;
    input.path = path;
    input.scheme_path = scheme;
    input.groups = groups;
    const Table t = load_table(input);
    std::vector<double> share(groups.size(), 0.0);
    double total = 0.0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (double v : t.column(g)) share[g] += v;
        total += share[g];
    }
    for (double& v : share) v = total > 0 ? v / total : 0.0;
    return share;
}

// Adds the reference (national) shares in both years and how the town's change differs.
void add_national_comparison(ResultTable& town, const ChangeOptions& o, const PaceOfChange& p) {
    if (o.national_a.empty() != o.national_b.empty())
        throw Error(Location{"", 0, o.national_a.empty() ? "--national-a" : "--national-b"},
                    "give both --national-a and --national-b (the reference area in each year)");
    if (o.national_a.empty()) return;
    const auto nat_a = reference_shares(o.national_a, o.national_scheme_a.empty() ? o.input.input.scheme_path
                                                                                   : o.national_scheme_a, p.groups);
    const auto nat_b =
        reference_shares(o.national_b, o.national_scheme_b.empty() ? o.b.scheme : o.national_scheme_b, p.groups);
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
    town.notes.push_back("national: " + o.national_a + " -> " + o.national_b +
                         " (town_minus_national_pp > 0: the group's share grew faster here than nationally)");
}

ResultTable decomposition_table(const MutualDifference& md, const std::vector<std::string>& notes) {
    ResultTable t;
    t.title = "Why segregation changed: Shapley decomposition of the change in Theil's M (Elbers 2021)";
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

std::vector<ResultTable> run(ChangeOptions& o) {
    const Table a = load_input(o.input);
    const Table b = load_second_table(o.input, a, o.b);
    const PaceOfChange p = pace_of_change(a, b, o.pace);

    std::vector<std::string> notes{"A: " + o.input.input.path, "B: " + o.b.path};
    for (const auto& n : a.history()) notes.push_back("A: " + n);
    for (const auto& n : b.history()) notes.push_back("B: " + n);
    notes.push_back(fmt::format("{} areas in both; {} only in A and {} only in B are left out", p.areas.size(), p.only_a,
                                p.only_b));
    notes.push_back(fmt::format("pace = half the sum of absolute share changes (share of residents 'replaced'); "
                                "areas with pace >= {:.4g} flagged as fast; growth annualised over {:g} years",
                                p.fast_threshold, p.years));

    ResultTable town;
    town.title = "Change in the town's make-up (common areas)";
    town.notes = notes;
    town.columns = {"group", "count_a", "count_b", "share_a", "share_b", "change_pp", "annual_growth"};
    for (std::size_t g = 0; g < p.groups.size(); ++g)
        town.add_row({p.groups[g], p.whole.count_a[g], p.whole.count_b[g], p.whole.share_a[g], p.whole.share_b[g],
                      100.0 * (p.whole.share_b[g] - p.whole.share_a[g]),
                      annualised_growth(p.whole.count_a[g], p.whole.count_b[g], p.years)});
    town.notes.push_back(fmt::format("town-wide pace {:.4g} (people {:g} -> {:g})", p.whole.pace, p.whole.total_a,
                                     p.whole.total_b));
    add_national_comparison(town, o, p);

    ResultTable areas;
    areas.title = "Pace of change per area (1 = fastest)";
    areas.columns = {"area", "rank", "fast", "pace", "total_a", "total_b", "entropy_a", "entropy_b"};
    for (const auto& g : p.groups)
        for (const char* suffix : {"_share_a", "_share_b", "_change_pp"}) areas.columns.push_back(g + suffix);
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
    return {town, decomposition, areas};
}

}  // namespace

void add_change_command(CLI::App& app) {
    auto o = std::make_shared<ChangeOptions>();
    auto* command = app.add_subcommand(
        "change", "Pace of change between two censuses on the same areas: shares, percentage-point change, growth, "
                  "the fastest-changing areas, and why segregation (Theil's M) changed: Shapley decomposition into "
                  "group composition, area sizes and structural change, with each area's share of the latter");
    add_input_options(*command, o->input, "A");
    add_second_table_options(*command, o->b, "Later table, on the same geography as A (harmonise A first)", true);
    auto* c = "Change";
    command->add_option("--years", o->pace.years, "Years between the censuses")->default_val(10.0)->group(c);
    command->add_option("--top", o->pace.top_share, "Flag this share of areas as fast-changing")
        ->default_val(0.10)->check(CLI::Range(0.001, 1.0))->group(c);
    command->add_option("--threshold", o->pace.threshold, "Flag areas whose pace is at least this (overrides --top)")
        ->group(c);
    auto* n = "National comparison";
    command->add_option("--national-a", o->national_a,
                        "Reference table for A's year (e.g. all England & Wales LSOAs 2011): its group shares are "
                        "compared with the town's")->group(n);
    command->add_option("--national-b", o->national_b, "Reference table for B's year")->group(n);
    command->add_option("--national-scheme-a", o->national_scheme_a,
                        "Group scheme for --national-a (default: --scheme)")->group(n);
    command->add_option("--national-scheme-b", o->national_scheme_b,
                        "Group scheme for --national-b (default: --scheme-b)")->group(n);
    add_output_options(*command, o->output);
    command->add_option("--boundaries", o->boundaries,
                        "Polygons of the areas (any OGR source), to write the per-area table as a map layer with "
                        "--output .geojson/.gpkg")
        ->group("Output");
    command->add_option("--code-field", o->layer.code_field, "Area-code field of --boundaries (default: auto)")
        ->group("Output");
    command->callback([o, command] {
        const auto results = run(*o);
        emit_with_boundaries(results, o->boundaries, o->layer, o->output, *command);
    });
}

}  // namespace cohesion::cli
