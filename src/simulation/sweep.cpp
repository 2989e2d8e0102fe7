#include "simulation/sweep.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <numeric>

#include "core/error.hpp"

namespace cohesion {

std::vector<std::size_t> SweepPlan::largest_first() const {
    std::vector<std::size_t> order(units.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return setups[units[a].town][0].areas() > setups[units[b].town][0].areas();
    });
    return order;
}

SweepPlan plan_sweep(const std::vector<SweepTown>& towns, const std::vector<ScenarioSpec>& scenarios,
                     std::size_t replicates, std::uint64_t seed) {
    if (towns.empty()) throw Error("sweep: no towns");
    if (replicates == 0) throw Error("sweep: replicates must be at least 1");
    SweepPlan plan;
    plan.scenarios = scenarios;
    plan.replicates = replicates;
    plan.seed = seed;
    for (std::size_t t = 0; t < towns.size(); ++t) {
        validate_setup(towns[t].baseline, towns[t].parameters);
        plan.towns.push_back(towns[t].name);
        plan.parameters.push_back(towns[t].parameters);
        plan.setups.push_back(scenario_setups(towns[t].baseline, scenarios));
        for (std::size_t q = 0; q < plan.setups.back().size(); ++q)
            for (std::size_t r = 0; r < replicates; ++r) plan.units.push_back({t, q, r});
    }
    return plan;
}

RunResult run_sweep_unit(const SweepPlan& plan, std::size_t unit) {
    const SweepUnit& u = plan.units.at(unit);
    return simulate_run(plan.setups[u.town][u.scenario], plan.parameters[u.town], plan.seed, u.replicate, true);
}

namespace {

void put(std::string& out, std::int64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put(std::string& out, const std::vector<std::int64_t>& v) {
    put(out, static_cast<std::int64_t>(v.size()));
    out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(std::int64_t));
}

struct Reader {
    const std::string& bytes;
    std::size_t at = 0;
    std::int64_t one() {
        if (at + sizeof(std::int64_t) > bytes.size()) throw Error("sweep: a work unit's result is truncated");
        std::int64_t v;
        std::memcpy(&v, bytes.data() + at, sizeof v);
        at += sizeof v;
        return v;
    }
    std::vector<std::int64_t> many() {
        const std::int64_t size = one();
        if (size < 0 || at + static_cast<std::size_t>(size) * sizeof(std::int64_t) > bytes.size())
            throw Error("sweep: a work unit's result is truncated");
        std::vector<std::int64_t> v(static_cast<std::size_t>(size));
        std::memcpy(v.data(), bytes.data() + at, v.size() * sizeof(std::int64_t));
        at += v.size() * sizeof(std::int64_t);
        return v;
    }
};

}  // namespace

std::string encode_run(const RunResult& r) {
    std::string out;
    for (std::int64_t v : {r.moves, r.arrivals, r.departures, r.fallback_placements, r.unhoused, r.quota_refusals,
                           r.lettings_left_empty})
        put(out, v);
    put(out, static_cast<std::int64_t>(r.counts.size()));
    for (const auto& c : r.counts) put(out, c);
    put(out, static_cast<std::int64_t>(r.quota_lettings.size()));
    for (const auto& c : r.quota_lettings) put(out, c);
    return out;
}

RunResult decode_run(const std::string& bytes) {
    Reader in{bytes};
    RunResult r;
    for (std::int64_t* v : {&r.moves, &r.arrivals, &r.departures, &r.fallback_placements, &r.unhoused, &r.quota_refusals,
                            &r.lettings_left_empty})
        *v = in.one();
    r.counts.resize(static_cast<std::size_t>(in.one()));
    for (auto& c : r.counts) c = in.many();
    r.quota_lettings.resize(static_cast<std::size_t>(in.one()));
    for (auto& c : r.quota_lettings) c = in.many();
    if (in.at != bytes.size()) throw Error("sweep: a work unit's result has unexpected trailing bytes");
    return r;
}

std::vector<ScenarioComparison> sweep_comparisons(const SweepPlan& plan, std::vector<RunResult> runs, double level) {
    if (runs.size() != plan.units.size())
        throw Error(fmt::format("sweep: {} runs for {} work units", runs.size(), plan.units.size()));
    std::vector<ScenarioComparison> out;
    std::size_t unit = 0;
    for (std::size_t t = 0; t < plan.towns.size(); ++t) {
        ScenarioComparison c = comparison_header(plan.setups[t][0], plan.replicates, plan.seed);
        for (std::size_t q = 0; q < plan.setups[t].size(); ++q) {
            std::vector<RunResult> these(std::make_move_iterator(runs.begin() + static_cast<std::ptrdiff_t>(unit)),
                                         std::make_move_iterator(runs.begin() + static_cast<std::ptrdiff_t>(unit + plan.replicates)));
            unit += plan.replicates;
            add_outcome(c, plan.scenarios, summarise_runs(plan.setups[t][q], these, level));
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<ScenarioComparison> run_sweep(const SweepPlan& plan, double level,
                                          const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<RunResult> runs(plan.units.size());
    std::size_t done = 0;  // under `report`
    std::mutex report;
    tbb::parallel_for(std::size_t{0}, plan.units.size(), [&](std::size_t u) {
        runs[u] = run_sweep_unit(plan, u);
        if (progress) {  // counted under the lock: the calls see 1, 2, 3, ... in order
            std::lock_guard lock(report);
            progress(++done, plan.units.size());
        }
    });
    return sweep_comparisons(plan, std::move(runs), level);
}

}  // namespace cohesion
