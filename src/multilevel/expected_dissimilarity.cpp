#include "multilevel/expected_dissimilarity.hpp"

#include <cmath>
#include <random>
#include <vector>

#include <tbb/parallel_for.h>

#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

ExpectedDissimilarity expected_dissimilarity(std::span<const double> y, std::span<const double> x,
                                             std::span<const double> total, std::size_t draws, std::uint64_t seed) {
    const std::size_t n = y.size();
    if (x.size() != n || total.size() != n) throw Error("multilevel: expected D needs y, x and totals per area");
    if (draws < 2) throw Error("multilevel: the expected D needs at least 2 draws");
    double N = 0.0, Y = 0.0, X = 0.0;
    for (std::size_t i = 0; i < n; ++i) N += total[i], Y += y[i], X += x[i];
    if (!(N > 0.0) || !(Y > 0.0) || !(X > 0.0)) throw Error("multilevel: the expected D needs people of both groups");
    const auto people = static_cast<long long>(std::llround(N));
    const double pY = std::min(1.0, Y / N), pX = std::min(1.0, X / N);
    std::vector<double> d(draws);
    tbb::parallel_for(std::size_t{0}, draws, [&](std::size_t r) {
        auto engine = replicate_engine(seed, r);
        std::vector<double> ys(n), xs(n);
        double sy = 0.0, sx = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const long long Ni = std::binomial_distribution<long long>(people, std::min(1.0, total[i] / N))(engine);
            ys[i] = static_cast<double>(std::binomial_distribution<long long>(Ni, pY)(engine));
            xs[i] = static_cast<double>(std::binomial_distribution<long long>(Ni, pX)(engine));
            sy += ys[i];
            sx += xs[i];
        }
        double s = 0.0;
        for (std::size_t i = 0; i < n; ++i) s += std::abs(ys[i] / sy - xs[i] / sx);
        d[r] = 0.5 * s;
    });
    ExpectedDissimilarity out;
    out.draws = draws;
    out.seed = seed;
    for (double v : d) out.mean += v;
    out.mean /= static_cast<double>(draws);
    for (double v : d) out.sd += (v - out.mean) * (v - out.mean);
    out.sd = std::sqrt(out.sd / static_cast<double>(draws - 1));
    return out;
}

}  // namespace cohesion
