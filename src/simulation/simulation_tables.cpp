#include "simulation/simulation_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace cohesion {

std::vector<ResultTable> projection_tables(const Projection& p, const std::string& town) {
    const std::size_t n = p.areas(), k = p.groups.size();
    ResultTable totals;
    totals.title = fmt::format("{}: projected people by group, {} → {} ({})", town, p.from_year, p.year, to_string(p.method));
    totals.notes = p.notes;
    // Data-file names: no spaces or '%' (pandas, R and SQL read them as they are).
    totals.columns = {"group_name", fmt::format("people_{}", p.from_year), fmt::format("people_{}", p.year), "low", "high",
                      fmt::format("share_{}_pct", p.from_year), fmt::format("share_{}_pct", p.year)};
    double all_start = 0, all_end = 0;
    for (std::size_t c = 0; c < n * k; ++c) {
        all_start += p.start[c];
        all_end += p.people[c];
    }
    for (std::size_t g = 0; g < k; ++g) {
        double a = 0, b = 0, lo = 0, hi = 0;
        for (std::size_t i = 0; i < n; ++i) {
            a += p.start[g * n + i];
            b += p.people[g * n + i];
            lo += p.low[g * n + i];
            hi += p.high[g * n + i];
        }
        totals.add_row({p.groups[g], a, b, lo, hi, 100 * a / all_start, 100 * b / all_end});
    }
    totals.notes.push_back("town low/high add up the areas' bounds: a conservative band, not a joint interval");
    ResultTable areas;
    areas.title = fmt::format("{}: projected people per area and group in {}", town, p.year);
    areas.notes = {fmt::format("method: {}; low/high: the band described above", to_string(p.method))};
    areas.columns = {"code", "group_name", fmt::format("people_{}", p.from_year), fmt::format("people_{}", p.year),
                     "low", "high", fmt::format("share_{}_pct", p.year)};
    for (std::size_t i = 0; i < n; ++i) {
        double total = 0;
        for (std::size_t g = 0; g < k; ++g) total += p.people[g * n + i];
        for (std::size_t g = 0; g < k; ++g)
            areas.add_row({p.codes[i], p.groups[g], p.start[g * n + i], p.people[g * n + i], p.low[g * n + i],
                           p.high[g * n + i], total > 0 ? 100 * p.people[g * n + i] / total : 0.0});
    }
    return {totals, areas};
}

std::vector<ResultTable> calibration_tables(const CalibrationResult& r, const std::string& town) {
    ResultTable params;
    params.title = fmt::format("{}: calibrated preferences of the residential model (backcast 2011 → 2021)", town);
    params.notes = r.notes;
    params.notes.push_back("utility of a destination = β × ln(own group's neighbourhood share / its town share) + β × "
                           "(private-rented share, 0-1) + β × km from the previous home, with one alternative per vacancy");
    params.columns = {"parameter", "estimate", "low", "high", "note"};
    for (const auto& e : r.estimates)
        params.add_row({e.name, e.value, e.low, e.high,
                        e.at_grid_edge ? std::string("interval reaches the end of the grid searched") : std::string()});
    ResultTable fit;
    fit.title = fmt::format("{}: fit of the backcast to the 2021 census", town);
    fit.columns = {"measure", "value"};
    fit.add_row({std::string("MAE of area group shares, calibrated model (%)"), 100 * r.loss});
    fit.add_row({std::string("MAE with no preferences (%)"), 100 * r.loss_no_preference});
    fit.add_row({std::string("MAE of keeping the 2011 shares (%)"), 100 * r.loss_no_change});
    fit.add_row({std::string("correlation of simulated and actual share changes"), r.change_correlation});
    fit.add_row({std::string("parameter sets evaluated"), static_cast<std::int64_t>(r.evaluations)});
    fit.add_row({std::string("replicate runs per set"), static_cast<std::int64_t>(r.replicates)});
    if (r.loss >= r.loss_no_change)
        fit.notes.push_back("the calibrated model does not beat keeping the 2011 shares on this town");
    return {params, fit};
}

ResultTable validation_table(const TownValidation& v) {
    ResultTable t;
    t.title = fmt::format("{}: backcast 2011 → 2021 against the census, model vs naive baselines", v.town);
    t.notes = {fmt::format("{} areas; {} in the calibration", v.areas, v.used_in_calibration ? "used" : "not used"),
               "errors are predicted − actual, × 100 (percentage points for shares); town trend = 2011 shares moved "
               "with the town's 2011 → 2021 change for each group"};
    // Field names an analyst can use unquoted (snake_case; the group names are snake_case too).
    t.columns = {"method", "share_mae", "M_error"};
    for (const auto& g : v.groups) {
        t.columns.push_back("D_error_" + g);
        t.columns.push_back("isolation_error_" + g);
    }
    for (const auto& m : v.methods) {
        std::vector<Cell> row{m.method, 100 * m.share_mae, 100 * m.mutual_information_error};
        for (std::size_t g = 0; g < v.groups.size(); ++g) {
            row.emplace_back(100 * m.dissimilarity_error[g]);
            row.emplace_back(100 * m.isolation_error[g]);
        }
        t.add_row(std::move(row));
    }
    std::vector<Cell> actual{std::string("actual 2021 value"), std::monostate{}, 100 * v.actual.mutual_information};
    for (std::size_t g = 0; g < v.groups.size(); ++g) {
        actual.emplace_back(100 * v.actual.dissimilarity[g]);
        actual.emplace_back(100 * v.actual.isolation[g]);
    }
    t.add_row(std::move(actual));
    const auto& model = v.methods.back();
    if (model.share_mae >= std::min(v.methods[0].share_mae, v.methods[1].share_mae))
        t.notes.push_back("the model does not beat the best naive baseline on area shares here");
    return t;
}

std::vector<ResultTable> scenario_tables(const ScenarioComparison& c, const std::string& town, std::size_t top) {
    const std::size_t n = c.codes.size(), k = c.groups.size();
    const std::vector<std::string> common{
        fmt::format("{} seeded replicate runs per scenario (seed {}), the same seeds for every scenario so differences "
                    "come from the levers; bands are the 5th-95th percentiles across runs",
                    c.replicates, c.seed),
        "indices are computed on households (people / the area's mean household size)"};
    ResultTable traj;
    traj.title = fmt::format("{}: index trajectories {}–{} by scenario", town, c.first_year, c.first_year + c.years);
    traj.notes = common;
    for (const auto& o : c.outcomes)
        for (const auto& a : o.assumptions) traj.notes.push_back(fmt::format("assumption of '{}': {}", o.name, a));
    for (const auto& o : c.outcomes)
        traj.notes.push_back(fmt::format("'{}': {:.0f} moves a year, {:.0f} new households, {:.0f} departures, {:.0f} new "
                                         "households not housed (town full) over the run (means across runs)",
                                         o.name, o.moves_per_year, o.arrivals, o.departures, o.unhoused));
    for (const auto& o : c.outcomes)
        if (o.quota_lettings > 0 || o.quota_refusals > 0)
            traj.notes.push_back(fmt::format(
                "'{}' allocation rule: {:.0f} social lettings made under the quota, {:.0f} applicants refused by it (they "
                "moved elsewhere), {:.0f} lettings left empty; the largest share one group took of an area's lettings in a "
                "year was {:.0f}% (means across runs; largest over all runs)",
                o.name, o.quota_lettings, o.quota_refusals, o.lettings_left_empty, 100 * o.largest_quota_share));
    traj.columns = {"scenario", "index_name", "year", "value", "low", "high", "difference_from_baseline"};
    const auto& base = c.outcomes.front();
    for (const auto& o : c.outcomes)
        for (std::size_t s = 0; s < o.trajectories.size(); ++s) {
            const auto& t = o.trajectories[s];
            for (std::size_t y = 0; y < t.years.size(); ++y)
                traj.add_row({o.name, t.index, static_cast<std::int64_t>(t.years[y]), t.mean[y], t.low[y], t.high[y],
                              t.mean[y] - base.trajectories[s].mean[y]});
        }
    ResultTable end;
    end.title = fmt::format("{}: end state {} per area (mean share of households, %)", town, c.first_year + c.years);
    end.columns = {"scenario", "code", "households"};
    for (const auto& g : c.groups) end.columns.push_back(g + "_share_pct");
    for (const auto& o : c.outcomes)
        for (std::size_t i = 0; i < n; ++i) {
            double h = 0;
            for (std::size_t g = 0; g < k; ++g) h += o.end_households[g * n + i];
            std::vector<Cell> row{o.name, c.codes[i], h};
            for (std::size_t g = 0; g < k; ++g) row.emplace_back(100 * o.end_shares[g * n + i]);
            end.add_row(std::move(row));
        }
    ResultTable most;
    most.title = fmt::format("{}: areas that change most against the baseline by {}", town, c.first_year + c.years);
    most.notes = {"largest change of any group's share (percentage points) between the scenario and the baseline end states"};
    most.columns = {"scenario", "code", "group_name", "baseline_share_pct", "scenario_share_pct", "change_points",
                    "households_change"};
    for (std::size_t q = 1; q < c.outcomes.size(); ++q) {
        const auto& o = c.outcomes[q];
        std::vector<std::pair<double, std::size_t>> order;
        for (std::size_t i = 0; i < n; ++i) {
            double d = 0;
            for (std::size_t g = 0; g < k; ++g) d = std::max(d, std::abs(o.end_shares[g * n + i] - base.end_shares[g * n + i]));
            order.emplace_back(d, i);
        }
        std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t r = 0; r < std::min(top, order.size()); ++r) {
            const std::size_t i = order[r].second;
            std::size_t gm = 0;
            double hb = 0, hs = 0;
            for (std::size_t g = 0; g < k; ++g) {
                hb += base.end_households[g * n + i];
                hs += o.end_households[g * n + i];
                if (std::abs(o.end_shares[g * n + i] - base.end_shares[g * n + i]) >
                    std::abs(o.end_shares[gm * n + i] - base.end_shares[gm * n + i]))
                    gm = g;
            }
            most.add_row({o.name, c.codes[i], c.groups[gm], 100 * base.end_shares[gm * n + i], 100 * o.end_shares[gm * n + i],
                          100 * (o.end_shares[gm * n + i] - base.end_shares[gm * n + i]), std::round(10 * (hs - hb)) / 10 + 0.0});
        }
    }
    return {traj, end, most};
}

ResultTable sweep_table(const std::vector<ScenarioComparison>& comparisons, const std::vector<std::string>& towns) {
    ResultTable t;
    t.title = "Scenario sweep: index trajectories by town and scenario";
    t.columns = {"town", "scenario", "index_name", "year", "value", "low", "high", "difference_from_baseline"};
    for (std::size_t c = 0; c < comparisons.size(); ++c) {
        const auto& comparison = comparisons[c];
        if (c == 0)
            t.notes.push_back(fmt::format("{} seeded replicate runs per scenario and town (seed {}), the same seeds for "
                                          "every scenario of a town; bands are the 5th-95th percentiles across runs",
                                          comparison.replicates, comparison.seed));
        const auto& base = comparison.outcomes.front();
        for (const auto& o : comparison.outcomes) {
            if (c == 0)
                for (const auto& a : o.assumptions) t.notes.push_back(fmt::format("assumption of '{}': {}", o.name, a));
            for (std::size_t s = 0; s < o.trajectories.size(); ++s) {
                const auto& tr = o.trajectories[s];
                for (std::size_t y = 0; y < tr.years.size(); ++y)
                    t.add_row({towns[c], o.name, tr.index, static_cast<std::int64_t>(tr.years[y]), tr.mean[y], tr.low[y],
                               tr.high[y], tr.mean[y] - base.trajectories[s].mean[y]});
            }
        }
    }
    return t;
}

}  // namespace cohesion
