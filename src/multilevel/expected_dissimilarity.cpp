#include "multilevel/expected_dissimilarity.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include <tbb/parallel_for.h>

#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

namespace {

// Binomial(n, p): exact inversion when the smaller tail's mean is below 30, else the normal
// approximation with continuity rounding. std::binomial_distribution re-derives its constants
// for every (n, p), which made 181,408 areas × 100 draws × 3 draws take a minute; the
// approximation's error in E(D) is far below the simulation's own noise (its sd is printed).
template <class Engine>
double draw_binomial(double n, double p, Engine& engine) {
    if (n <= 0.0 || p <= 0.0) return 0.0;
    if (p >= 1.0) return n;
    const bool flip = p > 0.5;
    const double q = flip ? 1.0 - p : p;
    const double mean = n * q;
    double k = 0.0;
    if (mean < 30.0) {
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(engine);
        const double ratio = q / (1.0 - q);
        double pk = std::exp(n * std::log1p(-q));  // P(0)
        double cdf = pk;
        while (u > cdf && k < n) {
            pk *= (n - k) / (k + 1.0) * ratio;
            k += 1.0;
            cdf += pk;
            if (pk < 1e-300 && k > mean) break;  // the rest of the tail is below rounding
        }
    } else {
        const double z = std::normal_distribution<double>(0.0, 1.0)(engine);
        k = std::clamp(std::round(mean + std::sqrt(mean * (1.0 - q)) * z), 0.0, n);
    }
    return flip ? n - k : k;
}

}  // namespace

ExpectedDissimilarity expected_dissimilarity(std::span<const double> y, std::span<const double> x,
                                             std::span<const double> total, std::size_t draws, std::uint64_t seed) {
    const std::size_t n = y.size();
    if (x.size() != n || total.size() != n) throw Error("multilevel: expected D needs y, x and totals per area");
    if (draws < 2) throw Error("multilevel: the expected D needs at least 2 draws");
    double N = 0.0, Y = 0.0, X = 0.0;
    for (std::size_t i = 0; i < n; ++i) N += total[i], Y += y[i], X += x[i];
    if (!(N > 0.0) || !(Y > 0.0) || !(X > 0.0)) throw Error("multilevel: the expected D needs people of both groups");
    const double people = std::round(N);
    const double pY = std::min(1.0, Y / N), pX = std::min(1.0, X / N);
    std::vector<double> d(draws);
    tbb::parallel_for(std::size_t{0}, draws, [&](std::size_t r) {
        auto engine = replicate_engine(seed, r);
        std::vector<double> ys(n), xs(n);
        double sy = 0.0, sx = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double Ni = draw_binomial(people, std::min(1.0, total[i] / N), engine);
            ys[i] = draw_binomial(Ni, pY, engine);
            xs[i] = draw_binomial(Ni, pX, engine);
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
