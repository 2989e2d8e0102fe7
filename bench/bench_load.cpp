// Loading the national output-area table (gunzip + parse + validate). Target ≤ 0.3 s.
#include <benchmark/benchmark.h>

#include "bench/national.hpp"
#include "io/text_file.hpp"

using namespace cohesion;

static void BM_LoadNationalOutputAreas(benchmark::State& state) {
    for (auto _ : state) {
        Table t = load_wide_csv(bench::national_oa_path());
        benchmark::DoNotOptimize(t.areas());
    }
    state.SetLabel("181,408 areas x 14 groups, .csv.gz");
}
BENCHMARK(BM_LoadNationalOutputAreas)->Unit(benchmark::kMillisecond)->MinTime(2.0);

static void BM_GunzipNationalOutputAreas(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(read_text_file(bench::national_oa_path()).size());
}
BENCHMARK(BM_GunzipNationalOutputAreas)->Unit(benchmark::kMillisecond)->MinTime(2.0);

BENCHMARK_MAIN();
