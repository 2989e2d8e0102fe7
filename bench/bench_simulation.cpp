// Scale of the residential model (issue 16): one run of about 1 million households × 10
// years (a 48 × 48 grid of 2,304 LSOA-sized areas, 434 households each), and a town of about
// 70,000 households (168 areas) × 10 years × 100 replicates over TBB. Five groups, the
// calibrated kind of preferences (β log quotient 1.5, β private −2, β distance −0.1/km).
// Run: build/release/bench/bench_simulation --benchmark_min_time=0  (results in BENCHMARKS.md)
#include <benchmark/benchmark.h>

#include <numeric>

#include "simulation/residential_model.hpp"
#include "simulation/synthetic_town.hpp"

using namespace cohesion;

namespace {

ModelParameters preferences() {
    ModelParameters p;
    p.share.assign(5, 1.5);
    p.private_rented = -2.0;
    p.distance_per_km = -0.1;
    return p;
}

void BM_OneMillionHouseholdsTenYears(benchmark::State& state) {
    const SimulationSetup s = test::grid_town(48, 48, 434, 5, 10);
    const auto households = std::accumulate(s.start.begin(), s.start.end(), std::int64_t{0});
    std::int64_t moves = 0;
    for (auto _ : state) {
        const RunResult r = simulate_run(s, preferences(), 1, 0, false);
        moves = r.moves + r.arrivals;
        benchmark::DoNotOptimize(r.counts.back().data());
    }
    state.counters["households"] = static_cast<double>(households);
    state.counters["moves_and_arrivals"] = static_cast<double>(moves);
}
BENCHMARK(BM_OneMillionHouseholdsTenYears)->Unit(benchmark::kSecond)->UseRealTime();

void BM_TownSeventyThousandHundredReplicates(benchmark::State& state) {
    const SimulationSetup s = test::grid_town(12, 14, 417, 5, 10);
    const auto households = std::accumulate(s.start.begin(), s.start.end(), std::int64_t{0});
    for (auto _ : state) {
        const auto runs = simulate_replicates(s, preferences(), 1, 100, 0, true);
        benchmark::DoNotOptimize(runs.back().counts.back().data());
    }
    state.counters["households"] = static_cast<double>(households);
}
BENCHMARK(BM_TownSeventyThousandHundredReplicates)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
