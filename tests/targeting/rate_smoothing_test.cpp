#include "targeting/rate_smoothing.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"

using namespace cohesion;

TEST(RateSmoothing, SmallAreasShrinkMoreTowardsTheTownRate) {
    // Same raw rate 10 % in a small and a large area; the town rate is lower.
    const std::vector<double> cases{3, 100, 10, 12, 8, 20};
    const std::vector<double> people{30, 1000, 500, 400, 600, 700};
    const auto r = smooth_rates(cases, people);
    EXPECT_NEAR(r.town_rate, 153.0 / 3230.0, 1e-15);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        // Between the raw rate and the town rate.
        EXPECT_LE(std::abs(r.smoothed[i] - r.town_rate), std::abs(r.raw[i] - r.town_rate) + 1e-15);
        EXPECT_LE(r.lower[i], r.smoothed[i]);
        EXPECT_GE(r.upper[i], r.smoothed[i]);
    }
    EXPECT_DOUBLE_EQ(r.raw[0], r.raw[1]);
    EXPECT_LT(r.smoothed[0], r.smoothed[1]);      // the 30-person area is pulled down further
    EXPECT_GT(r.shrinkage[0], r.shrinkage[1]);
    EXPECT_GT(r.upper[0] - r.lower[0], r.upper[1] - r.lower[1]);  // and is less certain
    // Posterior mean formula.
    EXPECT_NEAR(r.smoothed[2], (r.alpha + 10) / (r.alpha + r.beta + 500), 1e-15);
    EXPECT_NEAR(r.alpha / (r.alpha + r.beta), r.town_rate, 1e-12);
}

TEST(RateSmoothing, NoExtraVariationMeansEverythingShrinksToTheTownRate) {
    const std::vector<double> cases{10, 20, 30};
    const std::vector<double> people{100, 200, 300};
    const auto r = smooth_rates(cases, people);
    for (double s : r.smoothed) EXPECT_NEAR(s, 0.1, 1e-9);
    EXPECT_NEAR(r.upper[0] - r.lower[0], 0.0, 1e-5);
}

TEST(RateSmoothing, BadInput) {
    const std::vector<double> people{10, 10};
    EXPECT_THROW(smooth_rates(std::vector<double>{11, 0}, people), Error);
    EXPECT_THROW(smooth_rates(std::vector<double>{-1, 0}, people), Error);
    EXPECT_THROW(smooth_rates(std::vector<double>{0, 0}, std::vector<double>{0, 0}), Error);
    EXPECT_THROW(smooth_rates(std::vector<double>{1}, people), Error);
    const auto empty_area = smooth_rates(std::vector<double>{0, 2}, std::vector<double>{0, 10});
    EXPECT_NEAR(empty_area.smoothed[0], empty_area.town_rate, 1e-12);
}
