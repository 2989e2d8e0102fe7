// The O(n) nested likelihood, BLUPs and conditional variances against dense matrix algebra on a
// small random hierarchy, the ML optimum, and errors.
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "multilevel/nested_random_intercepts.hpp"

namespace cohesion {
namespace {

// 24 base units in 8 level-1 areas (uneven sizes) in 3 level-2 areas.
NestedHierarchy toy() {
    std::vector<std::string> base, mid, top;
    const int sizes[8] = {1, 2, 3, 4, 5, 4, 3, 2};
    const int top_of[8] = {0, 0, 1, 1, 1, 2, 2, 2};
    for (int a = 0; a < 8; ++a)
        for (int k = 0; k < sizes[a]; ++k) {
            base.push_back("b" + std::to_string(base.size()));
            mid.push_back("m" + std::to_string(a));
            top.push_back("t" + std::to_string(top_of[a]));
        }
    return build_nested_hierarchy({"base", "mid", "top"}, {base, mid, top});
}

std::vector<double> toy_data(const NestedHierarchy& h) {
    std::mt19937 rng(7);
    std::normal_distribution<double> z(0.0, 1.0);
    std::vector<double> mid(h.size(1)), top(h.size(2)), e(h.size(0));
    for (auto& v : mid) v = 0.8 * z(rng);
    for (auto& v : top) v = 1.5 * z(rng);
    for (std::size_t i = 0; i < e.size(); ++i) {
        const std::size_t m = h.parent[0][i];
        e[i] = 1e-4 * (z(rng) + mid[m] + top[h.parent[1][m]]);  // MLID-sized numbers
    }
    return e;
}

// Dense V = σ²(I + Σ_l θ_l Z_l Z_lᵀ) with σ² = 1, its Cholesky factor, log det and V⁻¹.
struct Dense {
    std::size_t n;
    std::vector<double> V, Vinv;
    double logdet = 0.0;
};

Dense dense(const NestedHierarchy& h, const std::vector<double>& theta, double sigma2) {
    const std::size_t n = h.size(0);
    Dense d{n, std::vector<double>(n * n, 0.0), std::vector<double>(n * n, 0.0)};
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            double v = i == j ? 1.0 : 0.0;
            for (std::size_t l = 1; l < h.levels(); ++l)
                if (h.ancestor(i, l) == h.ancestor(j, l)) v += theta[l - 1];
            d.V[i * n + j] = sigma2 * v;
        }
    std::vector<double> L(n * n, 0.0);  // Cholesky
    for (std::size_t j = 0; j < n; ++j) {
        double s = d.V[j * n + j];
        for (std::size_t k = 0; k < j; ++k) s -= L[j * n + k] * L[j * n + k];
        L[j * n + j] = std::sqrt(s);
        d.logdet += 2.0 * std::log(L[j * n + j]);
        for (std::size_t i = j + 1; i < n; ++i) {
            double t = d.V[i * n + j];
            for (std::size_t k = 0; k < j; ++k) t -= L[i * n + k] * L[j * n + k];
            L[i * n + j] = t / L[j * n + j];
        }
    }
    for (std::size_t c = 0; c < n; ++c) {  // V⁻¹ column by column
        std::vector<double> x(n, 0.0);
        x[c] = 1.0;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t k = 0; k < i; ++k) x[i] -= L[i * n + k] * x[k];
            x[i] /= L[i * n + i];
        }
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t k = i + 1; k < n; ++k) x[i] -= L[k * n + i] * x[k];
            x[i] /= L[i * n + i];
        }
        for (std::size_t i = 0; i < n; ++i) d.Vinv[i * n + c] = x[i];
    }
    return d;
}

TEST(NestedRandomIntercepts, ProfiledDevianceMatchesDenseAlgebra) {
    const auto h = toy();
    const auto e = toy_data(h);
    const std::vector<double> theta{0.7, 2.5};
    const Dense d = dense(h, theta, 1.0);
    double q = 0.0;
    for (std::size_t i = 0; i < d.n; ++i)
        for (std::size_t j = 0; j < d.n; ++j) q += e[i] * d.Vinv[i * d.n + j] * e[j];
    const double n = static_cast<double>(d.n);
    const double expected = n * std::log(2.0 * M_PI * q / n) + d.logdet + n;
    EXPECT_NEAR(nested_profiled_deviance(h, e, theta), expected, 1e-9 * std::abs(expected));
}

TEST(NestedRandomIntercepts, BlupsAndConditionalVariancesMatchDenseAlgebra) {
    const auto h = toy();
    const auto e = toy_data(h);
    const auto fit = fit_nested_random_intercepts(h, e);
    ASSERT_TRUE(fit.converged);
    const double s2 = fit.residual_variance;
    std::vector<double> theta;
    for (double v : fit.level_variances) theta.push_back(v / s2);
    const Dense d = dense(h, theta, s2);
    const std::size_t n = d.n;
    // û = σ_l² Zᵀ V⁻¹ e; Var(u | e) = σ_l² − σ_l⁴ zᵀ V⁻¹ z (no fixed effects).
    for (std::size_t l = 1; l < h.levels(); ++l)
        for (std::size_t k = 0; k < h.size(l); ++k) {
            double u = 0.0, zvz = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                if (h.ancestor(i, l) != k) continue;
                for (std::size_t j = 0; j < n; ++j) {
                    u += d.Vinv[i * n + j] * e[j];
                    if (h.ancestor(j, l) == k) zvz += d.Vinv[i * n + j];
                }
            }
            const double var = fit.level_variances[l - 1];
            EXPECT_NEAR(fit.effects[l - 1][k], var * u, 1e-9 * std::abs(var * u) + 1e-15) << "level " << l << " " << k;
            EXPECT_NEAR(fit.effect_variances[l - 1][k], var - var * var * zvz, 1e-8 * var) << "level " << l << " " << k;
        }
    // The components add back up to the data exactly.
    for (std::size_t i = 0; i < n; ++i) {
        double sum = fit.base_residuals[i];
        for (std::size_t l = 1; l < h.levels(); ++l) sum += fit.effects[l - 1][h.ancestor(i, l)];
        EXPECT_NEAR(sum, e[i], 1e-18);
    }
}

TEST(NestedRandomIntercepts, FitIsTheMaximumLikelihood) {
    const auto h = toy();
    const auto e = toy_data(h);
    const auto fit = fit_nested_random_intercepts(h, e);
    std::vector<double> theta;
    for (double v : fit.level_variances) theta.push_back(v / fit.residual_variance);
    const double best = nested_profiled_deviance(h, e, theta);
    EXPECT_NEAR(-0.5 * best, fit.log_likelihood, 1e-9);
    for (std::size_t j = 0; j < theta.size(); ++j)
        for (double f : {0.98, 1.02}) {
            auto t = theta;
            t[j] *= f;
            EXPECT_GE(nested_profiled_deviance(h, e, t), best - 1e-9) << "theta " << j << " x " << f;
        }
}

TEST(NestedRandomIntercepts, ALevelWithoutVarianceGoesToZero) {
    // Level-1 areas identical to their base units' pattern: all variance between top areas.
    const auto h = build_nested_hierarchy({"base", "mid", "top"},
                                          {{"a", "b", "c", "d", "e", "f", "g", "h"},
                                           {"m1", "m1", "m2", "m2", "m3", "m3", "m4", "m4"},
                                           {"t1", "t1", "t1", "t1", "t2", "t2", "t2", "t2"}});
    const std::vector<double> e{1.0, -1.0, -1.0, 1.0, 3.0, 5.0, 5.0, 3.0};  // mid means equal within each top
    const auto fit = fit_nested_random_intercepts(h, e);
    EXPECT_LT(fit.level_variances[0], 1e-6 * fit.level_variances[1]);
}

TEST(NestedRandomIntercepts, RefusesBadInput) {
    const auto h = toy();
    EXPECT_THROW(fit_nested_random_intercepts(h, std::vector<double>(3, 1.0)), Error);
    EXPECT_THROW(fit_nested_random_intercepts(h, std::vector<double>(h.size(0), 0.0)), Error);
    EXPECT_THROW(build_nested_hierarchy({"OA", "LSOA"}, {{"a", "a"}, {"x", "y"}}), Error);  // a in two LSOAs
    try {
        build_nested_hierarchy({"LSOA", "MSOA"}, {{"l1", "l2", "l1"}, {"m1", "m1", "m2"}}, "t.csv");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'l1' lies in two MSOA areas ('m1' and 'm2')"), std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace cohesion
