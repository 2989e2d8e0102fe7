// Hub siting at town and national scale (issue: targeting).
//   Exact maximal covering, 500 demand areas x 500 candidates (Bedford-sized) with CBC.
//   Heuristic p-median and maximal covering, 35,000 demand points x 5,000 candidates
//   (England & Wales LSOA-sized).
// Points are seeded uniform over a 12 km (town) or 400 km (country) square, demand
// uniform 0-100 people; the instances are generated.
//   ESOL ranking of every output area of England & Wales (188,880) from the shared data's
//   ew2021_oa tables: load three topics with the OA lookup, smooth, score, rank.
#include <benchmark/benchmark.h>

#include <random>

#include "analysis/esol_targeting.hpp"
#include "support/shared_data.hpp"
#include "targeting/facility_location.hpp"

using namespace cohesion;

namespace {

LocationProblem instance(std::size_t n, std::size_t m, double extent, LocationModel model, std::size_t p,
                         double distance) {
    std::mt19937_64 rng(20170601);
    std::uniform_real_distribution<double> xy(0.0, extent), w(0.0, 100.0);
    LocationProblem pr;
    for (std::size_t i = 0; i < n; ++i) pr.demand.push_back({xy(rng), xy(rng)}), pr.weight.push_back(w(rng));
    for (std::size_t j = 0; j < m; ++j) pr.candidates.push_back({xy(rng), xy(rng)});
    pr.model = model;
    pr.p = p;
    pr.service_distance = distance;
    return pr;
}

void BM_MaximalCoveringExact500x500(benchmark::State& state) {
    const auto pr = instance(500, 500, 12000.0, LocationModel::maximal_covering, 10, 800.0);
    LocationOptions o;
    o.solver = LocationSolver::exact;
    for (auto _ : state) {
        const auto s = solve_location(pr, o);
        state.counters["proven_optimal"] = s.proven_optimal;
        state.counters["covered_share"] = s.covered_demand / s.total_demand;
    }
}
BENCHMARK(BM_MaximalCoveringExact500x500)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_MaximalCoveringHeuristic35000x5000(benchmark::State& state) {
    const auto pr = instance(35000, 5000, 400000.0, LocationModel::maximal_covering, 200, 5000.0);
    LocationOptions o;
    o.solver = LocationSolver::heuristic;
    for (auto _ : state) {
        const auto s = solve_location(pr, o);
        state.counters["swap_passes"] = static_cast<double>(s.iterations);
        state.counters["covered_share"] = s.covered_demand / s.total_demand;
    }
}
BENCHMARK(BM_MaximalCoveringHeuristic35000x5000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_PMedianHeuristic35000x5000(benchmark::State& state) {
    const auto pr = instance(35000, 5000, 400000.0, LocationModel::p_median, 10, 5000.0);
    LocationOptions o;
    o.solver = LocationSolver::heuristic;
    o.time_limit_seconds = 25.0;  // converges well within it (a local optimum)
    for (auto _ : state) {
        const auto s = solve_location(pr, o);
        state.counters["swap_passes"] = static_cast<double>(s.iterations);
    }
}
BENCHMARK(BM_PMedianHeuristic35000x5000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_EsolTargetingNationalOutputAreas(benchmark::State& state) {
    const CensusSource source{(test::shared_data_dir() / "ew2021_oa").string(), {}, ""};
    for (auto _ : state) {
        const auto results = esol_targeting(CensusTopics(source), {});  // reads the tables each time
        state.counters["areas"] = static_cast<double>(results.back().rows.size());
    }
}
BENCHMARK(BM_EsolTargetingNationalOutputAreas)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
