// Cold start of queen contiguity on the national LSOA layer (34,753 polygons): what the first
// call in a process pays that later calls do not. Not a Google Benchmark (it would only show
// warm iterations): one process, load the layer, then time call 1, 2 and 3 with the page faults
// each call took (getrusage minor faults). Run it several times and take the minimum:
//   build/release/bench/bench_cold_start            # as a user's first call
//   build/release/bench/bench_cold_start --warm-tbb # TBB's worker pool started beforehand
#include <sys/resource.h>

#include <tbb/parallel_for.h>

#include <chrono>
#include <cstdio>
#include <cstring>

#include "geo/area_layer.hpp"
#include "support/shared_data.hpp"
#include "weights/contiguity.hpp"

using namespace cohesion;

namespace {

long minor_faults() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt;
}

template <class F>
void timed(const char* what, F f) {
    const long faults = minor_faults();
    const auto start = std::chrono::steady_clock::now();
    f();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-34s %9.1f ms  %8ld page faults\n", what, ms, minor_faults() - faults);
}

}  // namespace

int main(int argc, char** argv) {
    const bool warm_tbb = argc > 1 && std::strcmp(argv[1], "--warm-tbb") == 0;
    AreaLayer layer;
    timed("load lsoa2011.gpkg", [&] {
        layer = load_area_layer((test::shared_data_dir() / "ew_boundaries" / "lsoa2011.gpkg").string());
    });
    if (warm_tbb) timed("start TBB workers", [] { tbb::parallel_for(0, 1000, [](int) {}); });
    std::size_t links = 0;
    timed("queen contiguity, call 1 (cold)", [&] { links = contiguity_weights(layer).links(); });
    timed("queen contiguity, call 2 (warm)", [&] { links = contiguity_weights(layer).links(); });
    timed("queen contiguity, call 3 (warm)", [&] { links = contiguity_weights(layer).links(); });
    std::printf("%zu links\n", links);
}
