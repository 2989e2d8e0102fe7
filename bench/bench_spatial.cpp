// Spatial workloads: queen contiguity, 999-permutation local Moran and a 4-scale
// segregation profile, on the national LSOA 2011 layer (34,753 polygons joined to
// ew2011_lsoa_ethnicity) and on a generated grid of 152,100 squares.
// Targets: queen ≤ 1 s (LSOAs) and ≤ 3 s (150,000 polygons); local Moran with 999
// permutations ≤ 3 s (LSOAs) and ≤ 10 s (150,000 areas).
#include <benchmark/benchmark.h>

#include <random>

#include "autocorrelation/local_moran.hpp"
#include "geo/table_join.hpp"
#include "indices/registry.hpp"
#include "io/wide_csv_loader.hpp"
#include "spatial/segregation_profile.hpp"
#include "support/shared_data.hpp"
#include "weights/contiguity.hpp"
#include "weights/distance_weights.hpp"

using namespace cohesion;

namespace {

const AreaLayer& national_lsoa() {
    static const AreaLayer layer = load_area_layer((test::shared_data_dir() / "ew_boundaries" / "lsoa2011.gpkg").string());
    return layer;
}

const Table& national_lsoa_table() {
    static const Table table = load_wide_csv((test::shared_data_dir() / "ew2011_lsoa_ethnicity.csv.gz").string());
    return table;
}

// A side × side grid of unit squares as an area layer (rings only: all contiguity needs).
AreaLayer grid_layer(int side) {
    AreaLayer layer;
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            layer.codes.push_back(std::to_string(r * side + c));
            Ring ring;
            ring.x = {double(c), double(c + 1), double(c + 1), double(c), double(c)};
            ring.y = {double(r), double(r), double(r + 1), double(r + 1), double(r)};
            layer.rings.push_back({ring});
        }
    return layer;
}

const AreaLayer& grid() {
    static const AreaLayer layer = grid_layer(390);  // 152,100 polygons
    return layer;
}

void BM_QueenNationalLsoa(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(contiguity_weights(national_lsoa()).links());
    state.SetLabel("34,753 polygons");
}
BENCHMARK(BM_QueenNationalLsoa)->Unit(benchmark::kMillisecond);

void BM_QueenGrid150k(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(contiguity_weights(grid()).links());
    state.SetLabel("152,100 polygons");
}
BENCHMARK(BM_QueenGrid150k)->Unit(benchmark::kMillisecond);

void BM_LocalMoran999NationalLsoa(benchmark::State& state) {
    const Table& t = national_lsoa_table();
    const auto join = join_table_to_layer(t, national_lsoa());
    const Weights w = row_standardised(subset(contiguity_weights(national_lsoa()), join.layer_index));
    const auto x = t.column(t.group_index("Pakistani"));
    std::vector<double> share;
    for (std::size_t row : join.table_rows) share.push_back(x[row] / t.declared_total()[row]);
    for (auto _ : state) benchmark::DoNotOptimize(local_moran(share, w, 999, 1).p_permutation.size());
}
BENCHMARK(BM_LocalMoran999NationalLsoa)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_LocalMoran999Grid150k(benchmark::State& state) {
    const Weights w = row_standardised(contiguity_weights(grid()));
    std::mt19937_64 engine(5);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<double> y(w.n);
    for (auto& v : y) v = u(engine);
    for (auto _ : state) benchmark::DoNotOptimize(local_moran(y, w, 999, 1).p_permutation.size());
}
BENCHMARK(BM_LocalMoran999Grid150k)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_ProfileFourScalesNationalLsoa(benchmark::State& state) {
    const Table& t = national_lsoa_table();
    const auto join = join_table_to_layer(t, national_lsoa());
    Points p;
    for (std::size_t f : join.layer_index) {
        p.x.push_back(national_lsoa().centroid_x[f]);
        p.y.push_back(national_lsoa().centroid_y[f]);
    }
    const CountMatrix m = multigroup(t);
    const std::vector<const IndexDefinition*> indices{&IndexRegistry::instance().get("mutual_information"),
                                                      &IndexRegistry::instance().get("information_theory")};
    for (auto _ : state) {
        std::vector<ProfileScale> scales;
        for (double d : {250.0, 500.0, 1000.0, 2000.0}) {
            KernelOptions k;
            k.bandwidth = d;
            k.self_weight_one = true;
            scales.push_back({std::to_string(d), kernel_weights(p, k)});
        }
        benchmark::DoNotOptimize(segregation_profile(m, indices, scales).size());
    }
}
BENCHMARK(BM_ProfileFourScalesNationalLsoa)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
