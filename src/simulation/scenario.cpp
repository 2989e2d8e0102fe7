#include "simulation/scenario.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/error.hpp"

namespace cohesion {

namespace {

std::size_t area_of(const std::unordered_map<std::string, std::size_t>& index, const std::string& code,
                    const std::string& scenario) {
    const auto it = index.find(code);
    if (it == index.end()) throw Error("scenario '" + scenario + "': area " + code + " is not one of the town's areas");
    return it->second;
}

void check_share(double v, const char* what, const std::string& scenario) {
    if (!(v >= 0 && v <= 1)) throw Error(fmt::format("scenario '{}': {} must be between 0 and 1, got {}", scenario, what, v));
}

int offset_of(int year, const SimulationSetup& s, const std::string& scenario) {
    if (year == 0) return 0;
    if (year < s.first_year || year > s.first_year + s.years)
        throw Error(fmt::format("scenario '{}': year {} is outside the run {}–{}", scenario, year, s.first_year,
                                s.first_year + s.years));
    return year - s.first_year;
}

std::size_t group_of(const std::string& group, const SimulationSetup& s, const std::string& scenario, const char* what) {
    const auto g = std::find(s.group_names.begin(), s.group_names.end(), group);
    if (g == s.group_names.end())
        throw Error("scenario '" + scenario + "': " + what + " names unknown group '" + group + "' (groups: " +
                    fmt::format("{}", fmt::join(s.group_names, ", ")) + ")");
    return static_cast<std::size_t>(g - s.group_names.begin());
}

// The areas named by code plus those whose centroid lies within radius_m of the point.
std::vector<std::size_t> areas_reached(const std::vector<std::string>& codes, const std::optional<PointSpec>& point,
                                       double radius_m, const std::unordered_map<std::string, std::size_t>& index,
                                       const SimulationSetup& s, const std::string& scenario) {
    std::vector<std::size_t> out;
    for (const auto& code : codes) out.push_back(area_of(index, code, scenario));
    if (point)
        for (std::size_t i = 0; i < s.areas(); ++i)
            if (std::hypot(s.x_km[i] - point->x_m / 1000, s.y_km[i] - point->y_m / 1000) * 1000 <= radius_m)
                out.push_back(i);
    return out;
}

}  // namespace

Levers resolve_levers(const ScenarioSpec& spec, const SimulationSetup& s) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < s.areas(); ++i) index.emplace(s.area_codes[i], i);
    Levers l;
    for (const auto& d : spec.developments) {
        Development out;
        if (d.point) {
            double best = INFINITY;
            for (std::size_t i = 0; i < s.areas(); ++i) {
                const double dist = std::hypot(s.x_km[i] - d.point->x_m / 1000, s.y_km[i] - d.point->y_m / 1000);
                if (dist < best) {
                    best = dist;
                    out.area = i;
                }
            }
        } else {
            out.area = area_of(index, d.area, spec.name);
        }
        if (!(d.dwellings >= 0)) throw Error("scenario '" + spec.name + "': dwellings must be ≥ 0");
        check_share(d.private_rented, "private_rented", spec.name);
        check_share(d.social_rented, "social_rented", spec.name);
        check_share(d.private_rented + d.social_rented, "private_rented + social_rented", spec.name);
        out.dwellings = d.dwellings;
        out.private_share = d.private_rented;
        out.social_share = d.social_rented;
        out.year_offset = offset_of(d.year, s, spec.name);
        l.developments.push_back(out);
    }
    for (const auto& t : spec.tenure_changes) {
        TenureChange out;
        check_share(t.fraction, "fraction", spec.name);
        out.fraction = t.fraction;
        out.year_offset = offset_of(t.year, s, spec.name);
        if (t.areas.empty())
            for (std::size_t i = 0; i < s.areas(); ++i) out.areas.push_back(i);
        for (const auto& code : t.areas) out.areas.push_back(area_of(index, code, spec.name));
        l.tenure_changes.push_back(out);
    }
    for (const auto& m : spec.mobility) {
        MobilityChange out;
        out.group = group_of(m.group, s, spec.name, "the mobility lever");
        if (!(m.multiplier >= 0)) throw Error("scenario '" + spec.name + "': multiplier must be ≥ 0");
        out.multiplier = m.multiplier;
        out.year_offset = offset_of(m.year, s, spec.name);
        out.areas = areas_reached(m.areas, m.point, m.radius_m, index, s, spec.name);
        if (out.areas.empty()) throw Error("scenario '" + spec.name + "': the mobility lever reaches no area");
        l.mobility_changes.push_back(out);
    }
    for (const auto& a : spec.allocations) {
        AllocationRule out;
        check_share(a.max_share, "allocation max_share", spec.name);
        out.max_share.assign(s.groups(), a.max_share);
        for (const auto& [group, share] : a.max_share_by_group) {
            check_share(share, "allocation max_share_by_group", spec.name);
            out.max_share[group_of(group, s, spec.name, "allocation max_share_by_group")] = share;
        }
        double total = 0;
        for (double m : out.max_share) total += m;
        if (total < 1 - 1e-9)
            throw Error(fmt::format("scenario '{}': the allocation maxima add up to {:.0f}% across groups, so no social "
                                    "letting could ever be made; they must add up to at least 100%",
                                    spec.name, 100 * total));
        out.year_offset = offset_of(a.year, s, spec.name);
        out.areas = areas_reached(a.areas, a.point, a.radius_m, index, s, spec.name);
        if (a.areas.empty() && !a.point)
            for (std::size_t i = 0; i < s.areas(); ++i) out.areas.push_back(i);
        if (out.areas.empty()) throw Error("scenario '" + spec.name + "': the allocation rule reaches no area");
        l.allocation_rules.push_back(out);
    }
    return l;
}

ScenarioOutcome summarise_runs(const SimulationSetup& setup, const std::vector<RunResult>& runs, double level) {
    const std::size_t n = setup.areas(), k = setup.groups();
    if (runs.empty()) throw Error("scenarios: no replicate runs to summarise");
    const std::size_t replicates = runs.size();
    ScenarioOutcome o;
    const std::size_t snapshots = runs.front().counts.size();
    const std::size_t series = 2 * k + 1;
    // values[series][year][replicate]
    std::vector<std::vector<std::vector<double>>> values(series, std::vector<std::vector<double>>(snapshots));
    o.end_shares.assign(n * k, 0.0);
    o.end_households.assign(n * k, 0.0);
    const double w = 1.0 / static_cast<double>(replicates);
    for (const auto& r : runs) {
        for (std::size_t y = 0; y < snapshots; ++y) {
            const IndexValues v = index_values(to_double(r.counts[y]), n, k);
            for (std::size_t g = 0; g < k; ++g) {
                values[g][y].push_back(v.dissimilarity[g]);
                values[k + g][y].push_back(v.isolation[g]);
            }
            values[2 * k][y].push_back(v.mutual_information);
        }
        const auto end = to_double(r.counts.back());
        const auto shares = area_shares(end, n, k);
        for (std::size_t c = 0; c < n * k; ++c) {
            o.end_shares[c] += w * shares[c];
            o.end_households[c] += w * end[c];
        }
        o.moves_per_year += w * static_cast<double>(r.moves) / std::max(1, setup.years);
        o.arrivals += w * static_cast<double>(r.arrivals);
        o.departures += w * static_cast<double>(r.departures);
        o.unhoused += w * static_cast<double>(r.unhoused);
        o.quota_refusals += w * static_cast<double>(r.quota_refusals);
        o.lettings_left_empty += w * static_cast<double>(r.lettings_left_empty);
        for (const auto& year : r.quota_lettings)
            for (std::size_t i = 0; i < n; ++i) {
                std::int64_t made = 0, most = 0;
                for (std::size_t g = 0; g < k; ++g) {
                    made += year[g * n + i];
                    most = std::max(most, year[g * n + i]);
                }
                o.quota_lettings += w * static_cast<double>(made);
                if (made > 0) o.largest_quota_share = std::max(o.largest_quota_share, static_cast<double>(most) / made);
            }
    }
    const double tail = (1 - level) / 2;
    for (std::size_t s = 0; s < series; ++s) {
        IndexTrajectory t;
        t.index = s < k ? "D: " + setup.group_names[s]
                        : (s < 2 * k ? "isolation: " + setup.group_names[s - k] : std::string("M"));
        for (std::size_t y = 0; y < snapshots; ++y) {
            auto v = values[s][y];
            std::sort(v.begin(), v.end());
            double m = 0;
            for (double x : v) m += x / v.size();
            t.years.push_back(setup.first_year + static_cast<int>(y));
            t.mean.push_back(m);
            t.low.push_back(v[static_cast<std::size_t>(std::floor(tail * (v.size() - 1)))]);
            t.high.push_back(v[static_cast<std::size_t>(std::ceil((1 - tail) * (v.size() - 1)))]);
        }
        o.trajectories.push_back(std::move(t));
    }
    return o;
}

std::vector<SimulationSetup> scenario_setups(const SimulationSetup& baseline, const std::vector<ScenarioSpec>& scenarios) {
    // Resolve every scenario first, so a mistake in the last one stops before any run.
    std::vector<SimulationSetup> setups{baseline};
    for (const auto& spec : scenarios) {
        SimulationSetup s = baseline;
        const Levers l = resolve_levers(spec, s);
        s.levers.developments.insert(s.levers.developments.end(), l.developments.begin(), l.developments.end());
        s.levers.tenure_changes.insert(s.levers.tenure_changes.end(), l.tenure_changes.begin(), l.tenure_changes.end());
        s.levers.mobility_changes.insert(s.levers.mobility_changes.end(), l.mobility_changes.begin(), l.mobility_changes.end());
        s.levers.allocation_rules.insert(s.levers.allocation_rules.end(), l.allocation_rules.begin(), l.allocation_rules.end());
        setups.push_back(std::move(s));
    }
    return setups;
}

ScenarioComparison comparison_header(const SimulationSetup& baseline, std::size_t replicates, std::uint64_t seed) {
    ScenarioComparison c;
    c.codes = baseline.area_codes;
    c.groups = baseline.group_names;
    c.first_year = baseline.first_year;
    c.years = baseline.years;
    c.replicates = replicates;
    c.seed = seed;
    return c;
}

void add_outcome(ScenarioComparison& c, const std::vector<ScenarioSpec>& scenarios, ScenarioOutcome o) {
    const std::size_t q = c.outcomes.size();
    o.name = q == 0 ? "baseline" : scenarios.at(q - 1).name;
    if (q > 0 && !scenarios[q - 1].assumption.empty()) o.assumptions.push_back(scenarios[q - 1].assumption);
    c.outcomes.push_back(std::move(o));
}

ScenarioComparison compare_scenarios(const SimulationSetup& baseline, const ModelParameters& parameters,
                                     const std::vector<ScenarioSpec>& scenarios, std::size_t replicates,
                                     std::uint64_t seed, double level,
                                     const std::function<void(std::size_t, std::size_t)>& progress) {
    if (replicates == 0) throw Error("scenarios: replicates must be at least 1");
    validate_setup(baseline, parameters);
    ScenarioComparison c = comparison_header(baseline, replicates, seed);
    const std::vector<SimulationSetup> setups = scenario_setups(baseline, scenarios);
    for (std::size_t q = 0; q < setups.size(); ++q) {
        add_outcome(c, scenarios, summarise_runs(setups[q], simulate_replicates(setups[q], parameters, seed, replicates, 0, true), level));
        if (progress) progress(q + 1, setups.size());
    }
    return c;
}

}  // namespace cohesion
