// Inference on the national output areas: 100 bootstrap replicates of M (target ≤ 3 s)
// and of D for one group; 20 randomisation replicates of M; the index table's bootstrap of
// the whole deterministic suite (multigroup + Pakistani vs rest, as bench_indices'
// BM_WholeDeterministicSuite; target ≤ 10 s) and of M and H together (one set of resamples).
#include <benchmark/benchmark.h>

#include "analysis/index_tables.hpp"
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

static void index_table_bootstrap(benchmark::State& state, std::vector<std::string> indices,
                                  std::vector<std::string> focal, int bootstrap, int randomisation) {
    IndexTableRequest request;
    request.suite.indices = std::move(indices);
    request.suite.focal = std::move(focal);
    request.suite.include_stochastic = false;
    request.bootstrap = bootstrap;
    request.randomisation = randomisation;
    std::size_t rows = 0;
    for (auto _ : state) rows = index_table(bench::national_oa(), request).rows.size();
    state.SetLabel(std::to_string(rows) + " indices");
}

static void BM_Bootstrap100WholeDeterministicSuite(benchmark::State& state) {
    index_table_bootstrap(state, {}, {"Pakistani"}, 100, 0);
}
BENCHMARK(BM_Bootstrap100WholeDeterministicSuite)->Unit(benchmark::kMillisecond)->Iterations(1);

static void BM_Bootstrap100MutualInformationAndTheil(benchmark::State& state) {
    index_table_bootstrap(state, {"mutual_information", "information_theory"}, {}, 100, 0);
}
BENCHMARK(BM_Bootstrap100MutualInformationAndTheil)->Unit(benchmark::kMillisecond)->Iterations(1);

static void BM_Bootstrap100DissimilarityAllGroups(benchmark::State& state) {
    index_table_bootstrap(state, {"dissimilarity", "isolation"}, {}, 100, 0);
}
BENCHMARK(BM_Bootstrap100DissimilarityAllGroups)->Unit(benchmark::kMillisecond)->Iterations(1);

static void BM_Randomisation20WholeDeterministicSuite(benchmark::State& state) {
    index_table_bootstrap(state, {}, {"Pakistani"}, 0, 20);
}
BENCHMARK(BM_Randomisation20WholeDeterministicSuite)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
