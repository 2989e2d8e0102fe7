#pragma once
// A sweep: scenarios × replicates × towns as a list of independent work units, each one
// replicate run of one scenario (or the baseline) in one town, seeded by (seed, replicate) only
// — the same seeds for every scenario of a town (common random numbers), whatever process
// runs the unit. Units can run on threads (run_sweep) or anywhere else — e.g. over MPI ranks
// by the CLI's batch runner — with their runs encoded as bytes (encode_run / decode_run) and
// summarised on one process (sweep_comparisons), exactly as compare_scenarios summarises; so a
// sweep gives identical results for any number of processes and threads.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "simulation/scenario.hpp"

namespace cohesion {

struct SweepTown {
    std::string name;
    SimulationSetup baseline;
    ModelParameters parameters;
};

struct SweepUnit {
    std::size_t town = 0, scenario = 0, replicate = 0;  // scenario 0 = the baseline
};

struct SweepPlan {
    std::vector<std::string> towns;
    std::vector<std::vector<SimulationSetup>> setups;  // [town][scenario], [0] = baseline
    std::vector<ModelParameters> parameters;           // per town
    std::vector<ScenarioSpec> scenarios;
    std::size_t replicates = 0;
    std::uint64_t seed = 0;
    std::vector<SweepUnit> units;  // town-major, then scenario, then replicate
    // Hand-out order for a batch runner: the towns with most areas first (their runs are the longest).
    std::vector<std::size_t> largest_first() const;
};

// Resolves every scenario in every town first (a bad scenario stops before any run).
SweepPlan plan_sweep(const std::vector<SweepTown>& towns, const std::vector<ScenarioSpec>& scenarios,
                     std::size_t replicates, std::uint64_t seed);

// One unit's run (every year kept, for the trajectories).
RunResult run_sweep_unit(const SweepPlan& plan, std::size_t unit);

// A run as bytes and back, exactly (integers only; native byte order: ranks run on one kind of machine).
std::string encode_run(const RunResult& run);
RunResult decode_run(const std::string& bytes);

// One comparison per town from every unit's run (indexed by unit), as compare_scenarios gives.
std::vector<ScenarioComparison> sweep_comparisons(const SweepPlan& plan, std::vector<RunResult> runs, double level = 0.90);

// Every unit on this process's TBB threads, then summarised.
std::vector<ScenarioComparison> run_sweep(const SweepPlan& plan, double level = 0.90,
                                          const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace cohesion
