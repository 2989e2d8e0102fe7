// Share trend: shrinkage pulls small areas to the town trend and leaves large ones close to
// their own; projected shares stay positive and sum to one.
#include "simulation/share_trend.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace cohesion;

TEST(ShareTrend, ShrinksSmallAreasTowardsTheTownTrend) {
    // Areas 0-3 large, 4 tiny; group B grows everywhere, fastest in area 0.
    Table a({"L0", "L1", "L2", "L3", "S"}, {"A", "B"}), b = a;
    const double a_a[] = {9000, 9000, 9000, 9000, 18}, a_b[] = {1000, 1000, 1000, 1000, 2};
    const double b_a[] = {8000, 8800, 8700, 8600, 18}, b_b[] = {2000, 1200, 1300, 1400, 2 + 6};
    for (int i = 0; i < 5; ++i) {
        a.column(0)[i] = a_a[i];
        a.column(1)[i] = a_b[i];
        b.column(0)[i] = b_a[i];
        b.column(1)[i] = b_b[i];
    }
    const ShareTrend t = share_trend(a, b, 10);
    EXPECT_GT(t.town_rate[1], 0);
    EXPECT_GT(t.weight[1 * 5 + 0], 0.8);  // a large area keeps its own trend
    EXPECT_LT(t.weight[1 * 5 + 4], 0.3);  // the tiny area is pulled to the town's
    EXPECT_LT(std::abs(t.rate[5 + 4] - t.town_rate[1]), std::abs(t.raw_rate[5 + 4] - t.town_rate[1]));
    const auto s = trend_shares(t, b, 10);
    for (int i = 0; i < 5; ++i) {
        EXPECT_GT(s[i], 0);
        EXPECT_GT(s[5 + i], 0);
        EXPECT_NEAR(s[i] + s[5 + i], 1.0, 1e-12);
    }
    EXPECT_GT(s[5 + 0], b_b[0] / 10000);  // the trend continues
}

TEST(ShareTrend, ShrinkageNoiseGivesThePosteriorSpread) {
    // Twenty areas whose growth of group B differs more than Poisson noise explains (τ² > 0).
    std::vector<std::string> codes;
    for (int i = 0; i < 20; ++i) codes.push_back("A" + std::to_string(i));
    Table a(codes, {"A", "B"}), b = a;
    for (int i = 0; i < 20; ++i) {
        a.column(0)[i] = 900;
        a.column(1)[i] = 100;
        b.column(0)[i] = 900;
        b.column(1)[i] = 100 + 10 * i;
    }
    const ShareTrend t = share_trend(a, b, 10);
    ASSERT_GT(t.between_variance[1], 0);
    ASSERT_EQ(t.raw_variance.size(), 40u);
    std::mt19937_64 rng(3);
    const std::size_t c = 20 + 7;  // group B, area 7
    const double w = t.weight[c], v = t.raw_variance[c];
    ASSERT_GT(w, 0.05);
    ASSERT_LT(w, 0.95);
    double m = 0, m2 = 0;
    const int draws = 4000;
    for (int d = 0; d < draws; ++d) {
        ShareTrend noisy = t;
        add_shrinkage_noise(noisy, rng);
        const double r = noisy.rate[c];
        m += r / draws;
        m2 += r * r / draws;
    }
    EXPECT_NEAR(m, t.rate[c], 4 * std::sqrt(w * (1 - w) * v / draws));  // centred on the shrunk rate
    EXPECT_NEAR(m2 - m * m, w * (1 - w) * v, 0.1 * w * (1 - w) * v);    // the variance the bootstrap misses
    // No noise where an area keeps its own rate or takes the town's.
    ShareTrend ends = t;
    ends.weight.assign(40, 1.0);
    ends.weight[c] = 0.0;
    add_shrinkage_noise(ends, rng);
    EXPECT_EQ(ends.rate, t.rate);
}
