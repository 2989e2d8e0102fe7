// Inference on the national output areas: 100 bootstrap replicates of M (target ≤ 5 s)
// and of D for one group; 20 randomisation replicates of M.
#include <benchmark/benchmark.h>

#include "bench/national.hpp"
#include "indices/registry.hpp"
#include "inference/bootstrap.hpp"
#include "inference/randomisation.hpp"

using namespace cohesion;

static void BM_Bootstrap100MutualInformation(benchmark::State& state) {
    const CountMatrix m = multigroup(bench::national_oa());
    const IndexParams params;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            bootstrap(IndexRegistry::instance().get("mutual_information"), m, params, {100, 0.95, 1, {}, {}}).standard_error);
}
BENCHMARK(BM_Bootstrap100MutualInformation)->Unit(benchmark::kMillisecond)->Iterations(1);

static void BM_Bootstrap100Dissimilarity(benchmark::State& state) {
    const CountMatrix m = two_group_vs_rest(bench::national_oa(), "Pakistani");
    const IndexParams params;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            bootstrap(IndexRegistry::instance().get("dissimilarity"), m, params, {100, 0.95, 1, {}, {}}).standard_error);
}
BENCHMARK(BM_Bootstrap100Dissimilarity)->Unit(benchmark::kMillisecond)->Iterations(1);

static void BM_Randomisation20MutualInformation(benchmark::State& state) {
    const CountMatrix m = multigroup(bench::national_oa());
    const IndexParams params;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            randomisation_test(IndexRegistry::instance().get("mutual_information"), m, params, {20, 1, {}, {}}).expected);
}
BENCHMARK(BM_Randomisation20MutualInformation)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
