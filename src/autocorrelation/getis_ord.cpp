#include "autocorrelation/getis_ord.hpp"

#include <tbb/parallel_for.h>

#include <cmath>
#include <numeric>

#include "core/cancellation.hpp"

#include "autocorrelation/centred_variable.hpp"
#include "autocorrelation/conditional_permutation.hpp"
#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

GetisOrd getis_ord_star(std::span<const double> y, const Weights& w, int permutations, std::uint64_t seed,
                        const std::stop_token& stop, const std::function<void()>& area_tested) {
    const std::size_t n = y.size();
    if (n != w.n) throw Error("Getis-Ord G*: " + std::to_string(n) + " values for " + std::to_string(w.n) + " weights rows");
    if (n < 3) throw Error("Getis-Ord G* needs at least 3 areas");
    const double nd = static_cast<double>(n);
    double total = 0.0, squares = 0.0;
    for (double v : y) {
        if (v < 0.0) throw Error("Getis-Ord G* needs a non-negative variable");
        total += v;
        squares += v * v;
    }
    if (!(total > 0.0)) throw Error("Getis-Ord G* is undefined: the variable is zero everywhere");
    const double mean = total / nd;
    const double s2 = squares / nd - mean * mean;

    GetisOrd r;
    r.G.resize(n);
    r.expected.resize(n);
    r.variance.resize(n);
    r.z.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto nb = w.neighbours_of(i);
        double sum = y[i];  // self, weight 1
        for (std::size_t j : nb) sum += y[j];
        const double Wi = static_cast<double>(nb.size()) + 1.0;
        r.G[i] = sum / total;
        r.expected[i] = Wi / nd;
        r.variance[i] = Wi * (nd - Wi) / (nd * nd * (nd - 1.0)) * (s2 / (mean * mean));
        r.z[i] = (r.G[i] - r.expected[i]) / std::sqrt(r.variance[i]);
    }
    if (permutations > 0) {
        r.permutations = permutations;
        r.p_permutation.assign(n, 1.0);
        tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
            throw_if_stopped(stop);  // between areas: each is `permutations` draws
            const auto nb = w.neighbours_of(i);
            auto engine = replicate_engine(seed, i);
            std::vector<std::size_t> drawn;
            std::size_t larger = 0;
            for (int p = 0; p < permutations; ++p) {
                draw_other_areas(n, i, nb.size(), engine, drawn);
                double sum = y[i];
                for (std::size_t j : drawn) sum += y[j];
                larger += sum / total >= r.G[i];
            }
            r.p_permutation[i] = folded_pseudo_p(larger, permutations);
            if (area_tested) area_tested();
        });
    }
    return r;
}

}  // namespace cohesion
