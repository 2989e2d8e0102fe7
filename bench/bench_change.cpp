// Change over time at national scale: areal-weighted interpolation of every England &
// Wales LSOA 2011 → LSOA 2021 (34,753 → 35,672 polygons, GEOS overlays; target ≤ 10 s),
// loading the two GeoPackages, and the Shapley decomposition of the change in M.
#include <benchmark/benchmark.h>

#include "change/areal_interpolation.hpp"
#include "change/mutual_difference.hpp"
#include "core/table_operations.hpp"
#include "io/wide_csv_loader.hpp"
#include "support/shared_data.hpp"

using namespace cohesion;

namespace {

std::string boundaries(const char* file) { return (test::shared_data_dir() / "ew_boundaries" / file).string(); }

const AreaLayer& lsoa2011() {
    static const AreaLayer layer = load_area_layer(boundaries("lsoa2011.gpkg"));
    return layer;
}

const AreaLayer& lsoa2021() {
    static const AreaLayer layer = [] {
        AreaLayerOptions o;
        o.target_crs = lsoa2011().crs;
        return load_area_layer(boundaries("lsoa2021.gpkg"), o);
    }();
    return layer;
}

Table five_groups_2011() {
    Table t = load_wide_csv((test::shared_data_dir() / "ew2011_lsoa_ethnicity.csv.gz").string());
    t = add_residual_group(t, "GypsyTraveller");
    for (const char* merge : {"White=WhiteBrit+Irish+OtherWhite+GypsyTraveller",
                              "Asian=Indian+Pakistani+Bangladeshi+Chinese+OtherAsian",
                              "Black=BlkAfrican+BlkCaribbean+OtherBlk", "Other=Arab+Other"})
        t = merge_groups(t, merge);
    return select_groups(t, {"White", "Mixed", "Asian", "Black", "Other"});
}

const Table& table2011() {
    static const Table t = five_groups_2011();
    return t;
}

void BM_LoadNationalLsoaLayers(benchmark::State& state) {
    for (auto _ : state) {
        const AreaLayer a = load_area_layer(boundaries("lsoa2011.gpkg"));
        benchmark::DoNotOptimize(a.size());
    }
}
BENCHMARK(BM_LoadNationalLsoaLayers)->Unit(benchmark::kMillisecond)->Iterations(1);

// Argument 1: with a progress callback (counted under a lock per source polygon, as
// `harmonise` shows it), to see what the count costs.
void BM_ArealInterpolationNationalLsoa2011To2021(benchmark::State& state) {
    const AreaLayer& a = lsoa2011();
    const AreaLayer& b = lsoa2021();
    const Table& t = table2011();
    ArealInterpolationOptions options;
    std::size_t calls = 0;
    if (state.range(0)) options.progress = [&calls](std::size_t, std::size_t) { ++calls; };
    for (auto _ : state) {
        const ArealInterpolated r = areal_interpolate(t, a, b, options);
        benchmark::DoNotOptimize(r.table.areas());
        state.counters["pairs"] = static_cast<double>(r.report.overlap_pairs);
    }
    benchmark::DoNotOptimize(calls);
}
BENCHMARK(BM_ArealInterpolationNationalLsoa2011To2021)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_MutualDifferenceNationalLsoa(benchmark::State& state) {
    Table b = load_wide_csv((test::shared_data_dir() / "ew2021_lsoa" / "ts021_ethnic5_lsoa.csv.gz").string());
    for (const char* merge : {"White=white", "Mixed=mixed", "Asian=asian", "Black=black", "Other=other"})
        b = merge_groups(b, merge);
    b = select_groups(b, {"White", "Mixed", "Asian", "Black", "Other"});
    for (auto _ : state) {
        const MutualDifference d = mutual_difference(table2011(), b);
        benchmark::DoNotOptimize(d.structural);
    }
}
BENCHMARK(BM_MutualDifferenceNationalLsoa)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
