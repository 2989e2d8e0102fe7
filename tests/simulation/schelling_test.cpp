// Schelling on a torus: the known tipping behaviour (no preference keeps the random mix of
// about ½ like neighbours; a preference for a third already gives well over ⅔), agents
// conserved, seeded runs repeatable.
#include "simulation/schelling.hpp"

#include <gtest/gtest.h>

using namespace cohesion;

TEST(Schelling, TipsFromMildPreferences) {
    SchellingOptions o;
    o.size = 40;
    o.threshold = 0.0;
    const auto none = run_schelling(o);
    EXPECT_NEAR(none.similarity.back(), 0.5, 0.03);
    EXPECT_EQ(none.sweeps_run, 0);
    o.threshold = 0.34;
    const auto third = run_schelling(o);
    EXPECT_NEAR(third.similarity.front(), 0.5, 0.03);
    EXPECT_GT(third.similarity.back(), 0.70);
    o.threshold = 0.5;
    const auto half = run_schelling(o);
    EXPECT_GT(half.similarity.back(), third.similarity.back());
    EXPECT_LT(half.discontented.back(), half.discontented.front());
}

TEST(Schelling, ConservesAgentsAndRepeatsWithASeed) {
    SchellingOptions o;
    o.size = 30;
    o.minority = 0.3;
    const auto a = run_schelling(o), b = run_schelling(o);
    EXPECT_EQ(a.grid, b.grid);
    const int agents = static_cast<int>(30 * 30 * 0.9);
    EXPECT_EQ(a.agents[0] + a.agents[1], agents);
    EXPECT_EQ(a.agents[1], static_cast<int>(agents * 0.3));
    o.seed = 2;
    EXPECT_NE(run_schelling(o).grid, a.grid);
}
