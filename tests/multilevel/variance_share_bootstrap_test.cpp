// Parametric-bootstrap intervals of the variance shares: reproducible for a seed, inside [0, 1],
// around the estimate, and recovering known shares from simulated data.
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "multilevel/variance_share_bootstrap.hpp"

namespace cohesion {
namespace {

// 40 top areas × 5 middle × 6 base units with variances 1 (top), 1 (middle), 2 (base): shares ¼ ¼ ½.
NestedHierarchy simulated_hierarchy(std::vector<double>& e) {
    std::vector<std::string> base, mid, top;
    std::mt19937_64 rng(11);
    std::normal_distribution<double> z(0.0, 1.0);
    for (int t = 0; t < 40; ++t) {
        const double ut = z(rng);
        for (int m = 0; m < 5; ++m) {
            const double um = z(rng);
            for (int b = 0; b < 6; ++b) {
                base.push_back(std::to_string(base.size()));
                mid.push_back(std::to_string(t) + "-" + std::to_string(m));
                top.push_back(std::to_string(t));
                e.push_back(ut + um + std::sqrt(2.0) * z(rng));
            }
        }
    }
    return build_nested_hierarchy({"base", "mid", "top"}, {base, mid, top});
}

TEST(VarianceShareBootstrap, ReproducibleAndCoversTheEstimate) {
    std::vector<double> e;
    const auto h = simulated_hierarchy(e);
    const auto fit = fit_nested_random_intercepts(h, e);
    const auto a = bootstrap_variance_shares(h, fit, 60, 5);
    const auto b = bootstrap_variance_shares(h, fit, 60, 5);
    EXPECT_EQ(a.lower, b.lower);
    EXPECT_EQ(a.upper, b.upper);
    double total = fit.residual_variance;
    for (double v : fit.level_variances) total += v;
    const std::vector<double> share{fit.residual_variance / total, fit.level_variances[0] / total,
                                    fit.level_variances[1] / total};
    const std::vector<double> truth{0.5, 0.25, 0.25};
    for (std::size_t l = 0; l < 3; ++l) {
        EXPECT_GE(a.lower[l], 0.0);
        EXPECT_LE(a.upper[l], 1.0);
        EXPECT_LT(a.lower[l], share[l]) << l;
        EXPECT_GT(a.upper[l], share[l]) << l;
        EXPECT_LT(a.lower[l], truth[l]) << l;  // the simulated truth is inside too
        EXPECT_GT(a.upper[l], truth[l]) << l;
    }
    EXPECT_THROW(bootstrap_variance_shares(h, fit, 5, 1), Error);
}

}  // namespace
}  // namespace cohesion
