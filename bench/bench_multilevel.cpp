// Multilevel index of dissimilarity (MLID) on the national 2011 table: the nested ML fit, BLUPs,
// holdback and per-area impacts for Bangladeshi vs White British (the MLID vignette's model), on
// LSOAs (34,753, as the vignette) and on all 181,408 OAs with five levels; and the M/H
// decomposition across every level. The R side (lme4 on the same LSOA model) is
// bench/mlid_lmer_national.R.
#include <benchmark/benchmark.h>

#include "analysis/multilevel_tables.hpp"
#include "multilevel/hierarchical_mutual.hpp"
#include "national.hpp"

namespace {

using namespace cohesion;

void mlid(benchmark::State& state, std::vector<std::string> levels) {
    const Table& t = bench::national_oa();
    MultilevelRequest request;
    request.levels = std::move(levels);
    request.group = "Bangladeshi";
    request.versus = "WhiteBrit";
    std::size_t evaluations = 0;
    for (auto _ : state) {
        const auto m = fit_multilevel_dissimilarity(t, request);
        evaluations = m.fit.evaluations;
        benchmark::DoNotOptimize(m.D);
    }
    state.counters["likelihood_evaluations"] = static_cast<double>(evaluations);
}

void BM_MlidLsoaMsoaLadRgn(benchmark::State& state) { mlid(state, {"LSOA", "MSOA", "LAD", "RGN"}); }
void BM_MlidOaLsoaMsoaLadRgn(benchmark::State& state) { mlid(state, {"OA", "LSOA", "MSOA", "LAD", "RGN"}); }

void BM_MutualAcrossEveryLevel(benchmark::State& state) {
    const Table& t = bench::national_oa();
    std::vector<std::vector<std::string>> labels{t.area_codes(), t.level("LSOA").labels, t.level("MSOA").labels,
                                                 t.level("LAD").labels, t.level("RGN").labels};
    const auto h = build_nested_hierarchy({"OA", "LSOA", "MSOA", "LAD", "RGN"}, labels);
    std::vector<std::vector<double>> columns;
    for (std::size_t g = 0; g < t.groups(); ++g) columns.emplace_back(t.column(g).begin(), t.column(g).end());
    for (auto _ : state) benchmark::DoNotOptimize(decompose_mutual_hierarchy(h, columns).total_M);
}

BENCHMARK(BM_MlidLsoaMsoaLadRgn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MlidOaLsoaMsoaLadRgn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MutualAcrossEveryLevel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
