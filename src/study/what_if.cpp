#include "study/what_if.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/cancellation.hpp"
#include "core/error.hpp"
#include "output/people_text.hpp"
#include "simulation/simulation_tables.hpp"

namespace cohesion {

namespace {

// The group with the most households at the end of the baseline (the "majority" whose
// dissimilarity from everyone else mirrors the others').
std::size_t largest_group(const ScenarioComparison& c) {
    const std::size_t n = c.codes.size();
    std::size_t best = 0;
    double most = -1;
    for (std::size_t g = 0; g < c.groups.size(); ++g) {
        double h = 0;
        for (std::size_t i = 0; i < n; ++i) h += c.outcomes.front().end_households[g * n + i];
        if (h > most) most = h, best = g;
    }
    return best;
}

std::string two(double v) { return fmt::format("{:.2f}", v); }

}  // namespace

const ScenarioSpec& find_scenario(const std::vector<ScenarioSpec>& scenarios, const std::string& name) {
    for (const auto& s : scenarios)
        if (s.name == name) return s;
    std::string names;
    for (const auto& s : scenarios) names += (names.empty() ? "'" : ", '") + s.name + "'";
    throw Error(fmt::format("no scenario named '{}' (the project has {})", name, names.empty() ? "none" : names));
}

WhatIf run_what_if(const Town& town, const ModelParameters& parameters, const std::vector<ScenarioSpec>& scenarios,
                   const WhatIfRequest& r, std::vector<std::string> parameter_notes, const std::string& only) {
    std::vector<ScenarioSpec> chosen = scenarios;
    if (!only.empty()) chosen = {find_scenario(scenarios, only)};
    SimulationSetup setup = make_setup(town, r.from_later, r.years);
    setup.rates = r.rates;
    setup.arrivals_near_group = r.arrivals_near_group;
    const std::size_t total = (chosen.size() + 1) * r.replicates;
    const std::stop_token stop = r.stop;
    throw_if_stopped(stop);
    // compare_scenarios reports after each scenario's runs: that is where a stop is honoured.
    auto progress = [&](std::size_t done, std::size_t) {
        if (r.progress) r.progress(done * r.replicates, total);
        if (done * r.replicates < total) throw_if_stopped(stop);
    };
    WhatIf w;
    w.town = town.name;
    w.comparison = compare_scenarios(setup, parameters, chosen, r.replicates, r.seed, 0.90, progress);
    w.notes = std::move(parameter_notes);
    w.notes.push_back(fmt::format("moving rates a year: owner {:.0f}%, social {:.0f}%, private rented {:.0f}% "
                                  "(assumptions, each one adjustable)",
                                  100 * r.rates.owner, 100 * r.rates.social, 100 * r.rates.private_rented));
    return w;
}

std::vector<ResultTable> what_if_tables(const WhatIf& w, std::size_t top) {
    auto tables = scenario_tables(w.comparison, w.town, top);
    tables.front().notes.insert(tables.front().notes.end(), w.notes.begin(), w.notes.end());
    return tables;
}

const IndexTrajectory* trajectory(const ScenarioOutcome& o, const std::string& index) {
    for (const auto& t : o.trajectories)
        if (t.index == index) return &t;
    return nullptr;
}

std::string headline_index(const ScenarioComparison& c) {
    if (c.outcomes.empty() || c.groups.empty()) return "M";
    const std::size_t big = largest_group(c);
    std::string best;
    double most = -1;
    for (std::size_t g = 0; g < c.groups.size(); ++g) {
        if (g == big && c.groups.size() > 1) continue;
        const std::string index = "D: " + c.groups[g];
        const auto* base = trajectory(c.outcomes.front(), index);
        if (!base) continue;
        double diff = 0;
        for (std::size_t q = 1; q < c.outcomes.size(); ++q)
            if (const auto* t = trajectory(c.outcomes[q], index))
                diff = std::max(diff, std::abs(t->mean.back() - base->mean.back()));
        if (diff > most) most = diff, best = index;
    }
    return best.empty() ? "M" : best;
}

std::vector<std::string> what_if_sentences(const WhatIf& w, const std::map<std::string, std::string>& place_of) {
    const ScenarioComparison& c = w.comparison;
    std::vector<std::string> out;
    if (c.outcomes.empty()) return out;
    const int end = c.first_year + c.years;
    out.push_back(fmt::format(
        "These are model projections, not forecasts: households in {} move each year by the residential-mobility "
        "model (docs/simulation.md) under stated assumptions — moving rates, calibrated preferences and each "
        "scenario's levers — over {} seeded runs per scenario, the same runs for every scenario so the differences "
        "come from the levers. Ranges are the 5th to 95th percentiles across runs. In the 2011 → 2021 validation "
        "the model did not beat the simple town-trend baseline, and its baseline mixes faster than the town did, "
        "so read the differences between a scenario and the baseline, not the levels.",
        w.town, c.replicates));
    const auto& base = c.outcomes.front();
    const std::size_t big = largest_group(c);
    std::string levels;
    for (std::size_t g = 0; g < c.groups.size(); ++g) {
        if (g == big && c.groups.size() > 1) continue;
        const auto* t = trajectory(base, "D: " + c.groups[g]);
        if (!t) continue;
        levels += fmt::format("{}{} about {} (range {}–{}; {} in {})", levels.empty() ? "" : ", ", c.groups[g],
                              two(t->mean.back()), two(t->low.back()), two(t->high.back()), two(t->mean.front()),
                              t->years.front());
    }
    if (!levels.empty())
        out.push_back(fmt::format("If nothing changes, the model puts the dissimilarity of each group from everyone "
                                  "else in {} at: {}.",
                                  end, levels));
    const std::size_t n = c.codes.size(), k = c.groups.size();
    for (std::size_t q = 1; q < c.outcomes.size(); ++q) {
        const auto& o = c.outcomes[q];
        std::string parts, noise;
        for (std::size_t g = 0; g < k; ++g) {
            if (g == big && k > 1) continue;
            const std::string index = "D: " + c.groups[g];
            const auto* t = trajectory(o, index);
            const auto* b = trajectory(base, index);
            if (!t || !b) continue;
            const double d = t->mean.back() - b->mean.back();
            const bool apart = t->low.back() > b->high.back() || t->high.back() < b->low.back();
            const std::string versus = std::abs(d) < 0.005 ? std::string("less than 0.01 from the baseline")
                                                            : fmt::format("{}{} vs the baseline", d >= 0 ? "+" : "−",
                                                                          two(std::abs(d)));
            const std::string text = fmt::format("{} {} (range {}–{}, {})", c.groups[g], two(t->mean.back()),
                                                 two(t->low.back()), two(t->high.back()), versus);
            (apart ? parts : noise) += (apart ? (parts.empty() ? "" : ", ") : (noise.empty() ? "" : ", ")) +
                                       (apart ? text : c.groups[g]);
        }
        std::string s;
        if (!o.assumptions.empty()) s = fmt::format("“{}” assumes: {}. ", o.name, o.assumptions.front());
        s += "With it";
        if (!parts.empty()) s += fmt::format(", dissimilarity in {} would be about: {}", end, parts);
        else s += fmt::format(", no group's dissimilarity in {} moves outside the run-to-run range of the baseline", end);
        if (!parts.empty() && !noise.empty()) s += fmt::format("; for {} the difference is within the run-to-run range", noise);
        // The area whose group share moves most against the baseline.
        double most = 0;
        std::size_t area = 0, group = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t g = 0; g < k; ++g) {
                const double d = o.end_shares[g * n + i] - base.end_shares[g * n + i];
                if (std::abs(d) > std::abs(most)) most = d, area = i, group = g;
            }
        const auto place = place_of.find(c.codes[area]);
        const std::string where =
            place == place_of.end() || place->second.empty() ? c.codes[area] : c.codes[area] + " (" + place->second + ")";
        if (std::abs(most) > 0)
            s += fmt::format(". The area that changes most is {}, where {} households would be {} of households "
                             "instead of {} ({} {:.1f} points)",
                             where, c.groups[group], percent_text(o.end_shares[group * n + area]),
                             percent_text(base.end_shares[group * n + area]), most > 0 ? "up" : "down",
                             100 * std::abs(most));
        out.push_back(s + ".");
    }
    return out;
}

}  // namespace cohesion
