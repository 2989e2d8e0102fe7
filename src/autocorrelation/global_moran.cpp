#include "autocorrelation/global_moran.hpp"

#include <tbb/parallel_reduce.h>
#include <tbb/blocked_range.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "autocorrelation/centred_variable.hpp"
#include "autocorrelation/weights_moments.hpp"
#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

namespace {

double normal_two_sided(double z) { return std::erfc(std::abs(z) / std::sqrt(2.0)); }

// Σ_i z_i Σ_j w_ij z_j
double cross_product(std::span<const double> z, const Weights& w) {
    double sum = 0.0;
    for (std::size_t i = 0; i < w.n; ++i) {
        const auto nb = w.neighbours_of(i);
        const auto wv = w.weights_of(i);
        double lag = 0.0;
        for (std::size_t k = 0; k < nb.size(); ++k) lag += wv[k] * z[nb[k]];
        sum += z[i] * lag;
    }
    return sum;
}

}  // namespace

GlobalMoran global_moran(std::span<const double> y, const Weights& w, int permutations, std::uint64_t seed) {
    const std::size_t n = y.size();
    if (n != w.n) throw Error("Moran's I: " + std::to_string(n) + " values for " + std::to_string(w.n) + " weights rows");
    if (n < 4) throw Error("Moran's I needs at least 4 areas");
    const CentredVariable centred = centre(y, "Moran's I");
    const std::vector<double>& z = centred.z;
    const double m2 = centred.m2 * static_cast<double>(n);  // Σ z²
    const double m4 = centred.m4 * static_cast<double>(n);  // Σ z⁴
    const WeightsMoments moments = weights_moments(w);
    if (!(moments.S0 > 0.0)) throw Error("Moran's I is undefined: the weights have no links (every area is an island)");
    const double nd = static_cast<double>(n);
    GlobalMoran r{};
    r.n = n;
    r.S0 = moments.S0;
    r.S1 = moments.S1;
    r.S2 = moments.S2;
    r.I = nd / r.S0 * cross_product(z, w) / m2;
    r.expected = -1.0 / (nd - 1.0);
    const double S0sq = r.S0 * r.S0;
    r.variance_normal = (nd * nd * r.S1 - nd * r.S2 + 3.0 * S0sq) / ((nd * nd - 1.0) * S0sq) - r.expected * r.expected;
    r.kurtosis_b2 = nd * m4 / (m2 * m2);
    r.variance_randomisation =
        (nd * ((nd * nd - 3.0 * nd + 3.0) * r.S1 - nd * r.S2 + 3.0 * S0sq) -
         r.kurtosis_b2 * ((nd * nd - nd) * r.S1 - 2.0 * nd * r.S2 + 6.0 * S0sq)) /
            ((nd - 1.0) * (nd - 2.0) * (nd - 3.0) * S0sq) -
        r.expected * r.expected;
    r.z_normal = (r.I - r.expected) / std::sqrt(r.variance_normal);
    r.z_randomisation = (r.I - r.expected) / std::sqrt(r.variance_randomisation);
    r.p_normal_two_sided = normal_two_sided(r.z_normal);
    r.p_randomisation_two_sided = normal_two_sided(r.z_randomisation);

    if (permutations > 0) {
        // Replicate r permutes z with its own engine, so the count is thread-independent.
        const std::size_t larger = tbb::parallel_reduce(
            tbb::blocked_range<int>(0, permutations), std::size_t{0},
            [&](const tbb::blocked_range<int>& range, std::size_t count) {
                std::vector<double> shuffled(z);
                for (int p = range.begin(); p < range.end(); ++p) {
                    std::copy(z.begin(), z.end(), shuffled.begin());
                    auto engine = replicate_engine(seed, static_cast<std::uint64_t>(p));
                    std::shuffle(shuffled.begin(), shuffled.end(), engine);
                    const double I = nd / r.S0 * cross_product(shuffled, w) / m2;
                    count += I >= r.I;
                }
                return count;
            },
            std::plus<>());
        r.permutations = permutations;
        r.p_permutation = folded_pseudo_p(larger, permutations);
    }
    return r;
}

}  // namespace cohesion
