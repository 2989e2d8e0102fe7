// Carrington–Troske and bias-corrected indices: the exact defaults and the simulated (pysal)
// variants. Exact values at the ends, a statistical check in the middle, and reproducibility of
// the simulated ones for a seed (also across thread counts). exact_null_test.cpp checks the
// exact expectations against enumeration and against simulation.
#include <gtest/gtest.h>

#include <oneapi/tbb/global_control.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "indices/twogroup/twogroup_test_util.hpp"

namespace cohesion::test {
namespace {

const std::vector<std::string> exact_names{"modified_dissimilarity", "modified_gini",
                                           "bias_corrected_dissimilarity"};
const std::vector<std::string> stochastic_names{"modified_dissimilarity_simulated", "modified_gini_simulated",
                                                "bias_corrected_dissimilarity_simulated"};

const CountMatrix& moderate() {
    static const CountMatrix m = [] {
        std::mt19937 rng(99);
        std::vector<double> x, y;
        for (int i = 0; i < 150; ++i) {
            const double t = 20 + rng() % 300;
            const double xi = std::floor(t * (rng() % 1000) / 1000.0 * (i % 4 == 0 ? 0.8 : 0.1));
            x.push_back(xi);
            y.push_back(t - xi);
        }
        return two_group_matrix(x, y);
    }();
    return m;
}

TEST(TwoGroupStochastic, RegisteredAsStochastic) {
    for (const auto& name : stochastic_names) EXPECT_TRUE(IndexRegistry::instance().get(name).info.stochastic) << name;
    EXPECT_FALSE(IndexRegistry::instance().get("density_corrected_dissimilarity").info.stochastic);
    for (const auto& name : exact_names) EXPECT_FALSE(IndexRegistry::instance().get(name).info.stochastic) << name;
}

TEST(TwoGroupStochastic, ExactDefaultsIgnoreSeedAndSimulations) {
    IndexParams a, b;
    b.seed = 4242;
    b.simulations = 3;
    for (const auto& name : exact_names) EXPECT_EQ(index_value(name, moderate(), a), index_value(name, moderate(), b)) << name;
}

TEST(TwoGroupStochastic, ExactAndSimulatedAgreeWithinSimulationNoise) {
    // 150 units, ~25,000 people. The simulated variants' D*/G*/bootstrap means have a standard
    // error of ~1e-3 with 400 simulations; the exact ones have none.
    IndexParams params;
    params.simulations = 400;
    for (std::size_t k = 0; k < exact_names.size(); ++k) {
        const double exact = index_value(exact_names[k], moderate());
        const double simulated = index_value(stochastic_names[k], moderate(), params);
        EXPECT_NEAR(exact, simulated, 0.005) << exact_names[k];
    }
}

TEST(TwoGroupModifiedDissim, SimulatedAgreesWithExactWhenManyUnitsShareASize) {
    // 1,800 units of only three sizes: the simulated D* draws each size's histogram of focal
    // counts by conditional binomials (lattice_histogram.hpp), not unit by unit. Its mean over
    // 400 tables must match the exact D* to within simulation noise (s.e. ~2e-4 here).
    std::mt19937 rng(3);
    std::vector<double> x, y;
    for (int i = 0; i < 1800; ++i) {
        const double t = i % 3 == 0 ? 40.0 : i % 3 == 1 ? 150.0 : 300.0;
        const double xi = std::floor(t * (i % 5 == 0 ? 0.3 : 0.05) * (rng() % 1000) / 1000.0);
        x.push_back(xi);
        y.push_back(t - xi);
    }
    const CountMatrix m = two_group_matrix(x, y);
    IndexParams params;
    params.simulations = 400;
    EXPECT_NEAR(index_value("modified_dissimilarity_simulated", m, params), index_value("modified_dissimilarity", m),
                0.003);
}

TEST(TwoGroupModifiedDissim, CompleteSegregationIsOne) {
    // D = 1, so (D − D*) / (1 − D*) = 1 whatever D* the simulation gives.
    const CountMatrix m = two_group_matrix({100, 0, 50, 0}, {0, 100, 0, 150});
    EXPECT_DOUBLE_EQ(index_value("modified_dissimilarity", m), 1.0);
}

TEST(TwoGroupModifiedDissim, EvenDistributionIsMinusOne) {
    // D = 0 exactly (x/X = y/Y = 0.1, 0.2, 0.3, 0.4), below any D* > 0: (0 − D*) / D* = −1.
    const CountMatrix m = two_group_matrix({5, 10, 15, 20}, {15, 30, 45, 60});
    EXPECT_DOUBLE_EQ(index_value("modified_dissimilarity", m), -1.0);
}

TEST(TwoGroupModifiedDissim, ZeroWhenChanceAloneSegregatesCompletely) {
    // Units of one person: every null table that has both groups (X_sim = 1; the others are
    // redrawn) is completely segregated, so D* = 1 = D and nothing is left beyond chance.
    const CountMatrix m = two_group_matrix({1, 0}, {0, 1});
    EXPECT_DOUBLE_EQ(index_value("modified_dissimilarity", m), 0.0);
}

TEST(TwoGroupModifiedGini, CompleteSegregationIsOne) {
    const CountMatrix m = two_group_matrix({100, 0, 50, 0}, {0, 100, 0, 150});
    EXPECT_DOUBLE_EQ(index_value("modified_gini", m), 1.0);
}

TEST(TwoGroupModifiedGini, EvenDistributionIsMinusOne) {
    const CountMatrix m = two_group_matrix({5, 10, 15, 20}, {15, 30, 45, 60});
    EXPECT_DOUBLE_EQ(index_value("modified_gini", m), -1.0);
}

TEST(TwoGroupModifiedDissim, SimulatedVariantEndCases) {
    EXPECT_DOUBLE_EQ(index_value("modified_dissimilarity_simulated", two_group_matrix({100, 0, 50, 0}, {0, 100, 0, 150})), 1.0);
    EXPECT_DOUBLE_EQ(index_value("modified_dissimilarity_simulated", two_group_matrix({5, 10, 15, 20}, {15, 30, 45, 60})), -1.0);
    EXPECT_DOUBLE_EQ(index_value("modified_dissimilarity_simulated", two_group_matrix({1, 0}, {0, 1})), 0.0);
    EXPECT_DOUBLE_EQ(index_value("modified_gini_simulated", two_group_matrix({100, 0, 50, 0}, {0, 100, 0, 150})), 1.0);
    EXPECT_NEAR(index_value("bias_corrected_dissimilarity_simulated", two_group_matrix({100, 0, 50, 0}, {0, 100, 0, 150})),
                1.0, 1e-12);
}

TEST(TwoGroupModifiedDissim, BelowDWhenUnitsAreSmall) {
    // Random allocation already produces unevenness, so the corrected value is below D and the
    // gap is what D* accounts for: D_ct = (D − D*)/(1 − D*) < D whenever 0 < D* < 1.
    const double D = index_value("dissimilarity", moderate());
    const double Dct = index_value("modified_dissimilarity", moderate());
    EXPECT_LT(Dct, D);
    EXPECT_GT(Dct, 0.0);
}

TEST(TwoGroupBiasCorrectedDissim, CompleteSegregationIsOne) {
    // Resampling keeps each group in its own units, so every bootstrap D is 1: 2·1 − 1 = 1.
    const CountMatrix m = two_group_matrix({100, 0, 50, 0}, {0, 100, 0, 150});
    EXPECT_NEAR(index_value("bias_corrected_dissimilarity", m), 1.0, 1e-12);
}

TEST(TwoGroupBiasCorrectedDissim, EvenDistributionGivesMinusTheBootstrapBias) {
    // x = y = (500, 500): D = 0. A bootstrap table has x₁ ~ Bin(1000, ½), y₁ ~ Bin(1000, ½)
    // independent, and D_b = |x₁ − y₁| / 1000. x₁ − y₁ ≈ N(0, 500), so E D_b = √(2·500/π)/1000
    // = 0.017841 (the normal approximation is good to ~1e-5). The exact variant computes E D_b;
    // the simulated one's mean over 500 replicates has a s.e. of about 0.0006.
    const CountMatrix m = two_group_matrix({500, 500}, {500, 500});
    EXPECT_NEAR(index_value("bias_corrected_dissimilarity", m), -0.017841, 0.0002);
    EXPECT_NEAR(index_value("bias_corrected_dissimilarity_simulated", m), -0.017841, 0.002);
}

TEST(TwoGroupStochastic, SameSeedSameValueDifferentSeedDifferentValue) {
    IndexParams a, b, c;
    a.seed = b.seed = 12345;
    c.seed = 54321;
    for (const auto& name : stochastic_names) {
        const double va = index_value(name, moderate(), a);
        EXPECT_EQ(va, index_value(name, moderate(), b)) << name;
        EXPECT_NE(va, index_value(name, moderate(), c)) << name;
    }
}

TEST(TwoGroupStochastic, IndependentOfThreadCount) {
    IndexParams params;
    params.seed = 777;
    for (const auto& name : stochastic_names) {
        const double parallel = index_value(name, moderate(), params);
        double serial = 0.0;
        {
            tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
            serial = index_value(name, moderate(), params);
        }
        EXPECT_EQ(parallel, serial) << name;
    }
}

TEST(TwoGroupStochastic, SimulationCountIsUsed) {
    IndexParams one, two;
    one.simulations = 1;
    two.simulations = 2;
    for (const auto& name : stochastic_names) {
        // Replicate 0 is the same in both, so they differ only through replicate 1.
        EXPECT_NE(index_value(name, moderate(), one), index_value(name, moderate(), two)) << name;
    }
}

TEST(TwoGroupStochastic, RejectsNonPositiveSimulationCount) {
    IndexParams params;
    params.simulations = 0;
    for (const auto& name : stochastic_names) EXPECT_THROW(index_value(name, moderate(), params), Error) << name;
}

}  // namespace
}  // namespace cohesion::test
