#include "multilevel/variance_share_bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include <tbb/parallel_for.h>

#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

VarianceShareIntervals bootstrap_variance_shares(const NestedHierarchy& h, const NestedRandomInterceptFit& fit,
                                                 std::size_t replicates, std::uint64_t seed) {
    if (replicates < 20) throw Error(Field{"bootstrap"}, "multilevel: the bootstrap needs at least 20 replicates for a 95% interval");
    const std::size_t L = h.levels();
    std::vector<std::vector<double>> shares(L, std::vector<double>(replicates));
    tbb::parallel_for(std::size_t{0}, replicates, [&](std::size_t r) {
        auto engine = replicate_engine(seed, r);
        std::normal_distribution<double> z(0.0, 1.0);
        // Effects top down: S[k] = sum of the simulated effects of unit k of the current level and above.
        std::vector<double> S_above;
        for (std::size_t l = L - 1; l >= 1; --l) {
            const double sd = std::sqrt(fit.level_variances[l - 1]);
            std::vector<double> S(h.size(l));
            for (std::size_t k = 0; k < h.size(l); ++k)
                S[k] = (l + 1 < L ? S_above[h.parent[l][k]] : 0.0) + sd * z(engine);
            S_above = std::move(S);
        }
        const double sd0 = std::sqrt(fit.residual_variance);
        std::vector<double> e(h.size(0));
        for (std::size_t i = 0; i < e.size(); ++i) e[i] = S_above[h.parent[0][i]] + sd0 * z(engine);
        const auto refit = fit_nested_random_intercepts(h, e);
        double total = refit.residual_variance;
        for (double v : refit.level_variances) total += v;
        shares[0][r] = refit.residual_variance / total;
        for (std::size_t l = 1; l < L; ++l) shares[l][r] = refit.level_variances[l - 1] / total;
    });
    VarianceShareIntervals out;
    out.replicates = replicates;
    out.seed = seed;
    for (auto& s : shares) {
        std::sort(s.begin(), s.end());
        // Percentiles by linear interpolation between order statistics (type 7, R's default).
        auto quantile = [&](double p) {
            const double pos = p * static_cast<double>(s.size() - 1);
            const auto lo = static_cast<std::size_t>(std::floor(pos));
            const std::size_t hi = std::min(lo + 1, s.size() - 1);
            return s[lo] + (pos - static_cast<double>(lo)) * (s[hi] - s[lo]);
        };
        out.lower.push_back(quantile(0.025));
        out.upper.push_back(quantile(0.975));
    }
    return out;
}

}  // namespace cohesion
