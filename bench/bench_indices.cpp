// Every registered two-group and multigroup index on the national output areas
// (two-group: Pakistani vs rest; multigroup: all 14 groups), one benchmark each,
// registered by iterating the registry; plus the whole deterministic suite and the
// M/H decomposition within local authorities. Targets: each deterministic index
// ≤ 20 ms, whole suite ≤ 0.5 s.
#include <benchmark/benchmark.h>

#include "bench/national.hpp"
#include "core/count_matrix.hpp"
#include "indices/decomposition/mutual_decomposition.hpp"
#include "indices/index_suite.hpp"
#include "indices/registry.hpp"

using namespace cohesion;

namespace {

const CountMatrix& two_group() {
    static const CountMatrix m = two_group_vs_rest(bench::national_oa(), "Pakistani");
    return m;
}
const CountMatrix& all_groups() {
    static const CountMatrix m = multigroup(bench::national_oa());
    return m;
}

void register_index_benchmarks() {
    for (const IndexDefinition* d : IndexRegistry::instance().all()) {
        if (d->info.needs.any()) continue;
        const std::string name = std::string(d->info.stochastic ? "Simulated/" : "Index/") + d->info.name;
        auto* b = benchmark::RegisterBenchmark(name.c_str(), [d](benchmark::State& state) {
            const CountMatrix& m = d->info.groups == IndexGroups::two_group ? two_group() : all_groups();
            IndexParams params;
            for (auto _ : state) {
                if (d->compute) benchmark::DoNotOptimize(d->compute(IndexInput{m, params}));
                else benchmark::DoNotOptimize(d->compute_local(IndexInput{m, params}).values.size());
            }
        });
        b->Unit(benchmark::kMillisecond);
        if (d->info.stochastic) b->Iterations(1);
    }
}

void BM_WholeDeterministicSuite(benchmark::State& state) {
    SuiteRequest request;
    request.focal = {"Pakistani"};
    request.include_stochastic = false;
    const SuitePlan plan = plan_suite(bench::national_oa(), request);
    for (auto _ : state) benchmark::DoNotOptimize(run_suite(plan, request.params));
    state.SetLabel(std::to_string(plan.items.size()) + " indices");
}

void BM_DecomposeWithinLocalAuthorities(benchmark::State& state) {
    const CountMatrix& m = all_groups();
    std::vector<std::string> parent;
    for (std::size_t row : m.unit_rows) parent.push_back(bench::national_oa().level("LAD").labels[row]);
    for (auto _ : state) benchmark::DoNotOptimize(decompose_within(m, parent).within_M);
}

}  // namespace

BENCHMARK(BM_WholeDeterministicSuite)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecomposeWithinLocalAuthorities)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    register_index_benchmarks();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
