// Hand-computed toy cases and invariants for the deterministic two-group indices.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "indices/twogroup/twogroup_test_util.hpp"

namespace cohesion::test {
namespace {

// The toy table used by every hand computation below:
//   unit  x   y   t    p = x/t   x/X   y/Y
//   A     8   2   10   0.8       0.8   1/15
//   B     2   8   10   0.2       0.2   4/15
//   C     0   20  20   0         0     10/15
//   X = 10, Y = 30, T = 40, P = 1/4 (not a point of ConProf's k/999 grid, so no tie at P).
const CountMatrix& toy() {
    static const CountMatrix m = two_group_matrix({8, 2, 0}, {2, 8, 20});
    return m;
}

TEST(TwoGroupDissim, ToyTable) {
    // ½ (|0.8 − 1/15| + |0.2 − 4/15| + |0 − 10/15|) = ½ (11/15 + 1/15 + 10/15) = 11/15
    EXPECT_NEAR(index_value("dissimilarity", toy()), 11.0 / 15.0, 1e-15);
}

TEST(TwoGroupGini, ToyTable) {
    // unordered pairs: AB 10·10·|0.8−0.2| = 60, AC 10·20·0.8 = 160, BC 10·20·0.2 = 40 → 260;
    // ordered pairs 520; denominator 2·40²·¼·¾ = 600; G = 520/600 = 13/15
    EXPECT_NEAR(index_value("gini", toy()), 13.0 / 15.0, 1e-15);
}

TEST(TwoGroupGini, SortedFormulaEqualsDoubleLoop) {
    // The O(N log N) form against the defining O(N²) double sum on an irregular table,
    // including tied shares (x = 0) and a unit with p = 1.
    std::mt19937 rng(7);
    std::vector<double> x, y;
    for (int i = 0; i < 300; ++i) {
        const double t = 1 + rng() % 400;
        const double xi = i % 10 == 0 ? 0.0 : (i % 37 == 0 ? t : std::floor(t * (rng() % 1000) / 4000.0));
        x.push_back(xi);
        y.push_back(t - xi);
    }
    const CountMatrix m = two_group_matrix(x, y);
    double X = 0, T = 0, num = 0;
    for (std::size_t i = 0; i < x.size(); ++i) X += x[i], T += x[i] + y[i];
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = 0; j < x.size(); ++j) {
            const double ti = x[i] + y[i], tj = x[j] + y[j];
            num += ti * tj * std::abs(x[i] / ti - x[j] / tj);
        }
    const double P = X / T;
    const double brute = num / (2 * T * T * P * (1 - P));
    EXPECT_NEAR(index_value("gini", m), brute, 1e-12 * brute);
}

TEST(TwoGroupEntropy, ToyTable) {
    // E = E(¼) = ¼ ln 4 + ¾ ln(4/3) = 0.5623351446188083
    // E_A = E_B = E(0.8) = 0.8 ln 1.25 + 0.2 ln 5 = 0.5004024235381879, E_C = 0 (0·ln 0 = 0)
    // H = [10(E − E_A) + 10(E − E_B) + 20 E] / (40 E) = 1 − E(0.8) / (2 E) = 0.5550674465870374
    EXPECT_NEAR(index_value("entropy", toy()), 0.5550674465870374, 1e-14);
}

TEST(TwoGroupEntropy, WholeCountTableAndGeneralPathAgree) {
    // Whole counts take the log-table path (count_kernels.hpp), halved counts (some not whole)
    // the per-unit logarithms; H and A depend on shares only, so both must give the same value.
    std::mt19937 rng(21);
    std::vector<double> x, y, half_x, half_y;
    bool fractional = false;
    for (int i = 0; i < 500; ++i) {
        const double t = 1 + rng() % 700, xi = std::floor(t * (rng() % 1000) / 1000.0 * (i % 3 ? 0.1 : 0.9));
        x.push_back(xi);
        y.push_back(t - xi);
        half_x.push_back(xi / 2);
        half_y.push_back((t - xi) / 2);
        fractional = fractional || std::floor(xi / 2) != xi / 2;
    }
    ASSERT_TRUE(fractional);
    const CountMatrix whole = two_group_matrix(x, y), general = two_group_matrix(half_x, half_y);
    for (const char* name : {"entropy", "atkinson"}) {
        const double h = index_value(name, whole);
        EXPECT_GT(h, 0.0) << name;
        EXPECT_NEAR(h, index_value(name, general), 1e-12) << name;
    }
}

TEST(TwoGroupAtkinson, ToyTableB05) {
    // Σ (1−p)^½ p^½ t / (P T) = (√(0.2·0.8)·10 + √(0.8·0.2)·10 + 0) / 10 = 0.8
    // A = 1 − (¼/¾) · 0.8² = 1 − 0.64/3 = 59/75
    EXPECT_NEAR(index_value("atkinson", toy()), 59.0 / 75.0, 1e-15);
}

TEST(TwoGroupAtkinson, ToyTableB01AndB09) {
    // S_b = 0.2^(1−b) 0.8^b + 0.8^(1−b) 0.2^b (the t/(PT) = 10/10 factors cancel); S_0.1 = S_0.9 =
    // 0.9261801216363064. A = 1 − S_b^(1/(1−b)) / 3:
    //   b = 0.1: 1 − 0.92618…^(1/0.9) / 3 = 0.6938926934824404
    //   b = 0.9: 1 − 0.92618…^10 / 3     = 0.8451777761371808
    EXPECT_NEAR(index_value("atkinson_b01", toy()), 0.6938926934824404, 1e-14);
    EXPECT_NEAR(index_value("atkinson_b09", toy()), 0.8451777761371808, 1e-14);
}

TEST(TwoGroupAtkinson, VariantsAreDistinctRegistrations) {
    const auto& registry = IndexRegistry::instance();
    EXPECT_EQ(registry.get("Atkinson").info.name, "atkinson");  // pysal name finds b = 0.5
    EXPECT_EQ(registry.get("atkinson_b01").info.library_name, "Atkinson(b=0.1)");
    EXPECT_EQ(registry.get("atkinson_b09").info.library_name, "Atkinson(b=0.9)");
}

TEST(TwoGroupIsolation, ToyTable) {
    // 0.8·0.8 + 0.2·0.2 + 0 = 0.68
    EXPECT_NEAR(index_value("isolation", toy()), 0.68, 1e-15);
}

TEST(TwoGroupInteraction, ToyTable) {
    // 0.8·0.2 + 0.2·0.8 + 0 = 0.32 (= 1 − xPx)
    EXPECT_NEAR(index_value("interaction", toy()), 0.32, 1e-15);
}

TEST(TwoGroupCorrelationR, ToyTable) {
    // (0.68 − 0.25) / 0.75 = 43/75
    EXPECT_NEAR(index_value("correlation_ratio", toy()), 43.0 / 75.0, 1e-15);
}

TEST(TwoGroupMinMax, ToyTable) {
    // min: 1/15 + 3/15 + 0 = 4/15; max: 12/15 + 4/15 + 10/15 = 26/15; 1 − 4/26 = 11/13
    EXPECT_NEAR(index_value("minmax", toy()), 11.0 / 13.0, 1e-15);
}

TEST(TwoGroupMinMax, IsTwoDOverOnePlusD) {
    // Σ min = 1 − D and Σ max = 1 + D, so MM = 2D / (1 + D) on any table.
    const CountMatrix m = two_group_matrix({3, 9, 14, 0, 7}, {20, 4, 11, 6, 1});
    const double D = index_value("dissimilarity", m);
    EXPECT_NEAR(index_value("minmax", m), 2 * D / (1 + D), 1e-15);
}

TEST(TwoGroupConProf, ToyTable) {
    // Grid θ_k = k/999. v(θ) = 1 for θ ≤ 0.2 (k = 0..199), 0.8 for 0.2 < θ ≤ 0.8 (k = 200..799),
    // 0 above (k = 800..999). Below P = ¼ (k = 0..249): 200·1 + 50·0.8 = 240.
    // At or above P (k = 250..799): 550·0.8 = 440.
    // R = (0.25 − (240/1000 − 440/1000)) / 0.75 = 0.45 / 0.75 = 0.6
    EXPECT_NEAR(index_value("concentration_profile", toy()), 0.6, 1e-14);
}

TEST(TwoGroupConProf, SortedFormulaEqualsPerGridScan) {
    // Against a direct transcription of pysal's loop (rescan all units at each grid point).
    std::mt19937 rng(11);
    std::vector<double> x, y;
    for (int i = 0; i < 200; ++i) {
        const double t = 1 + rng() % 300;
        const double xi = std::floor(t * (rng() % 1000) / 1000.0);
        x.push_back(xi);
        y.push_back(t - xi);
    }
    x[5] = 1, y[5] = 2;  // p = 1/3, which sits on the grid (333/999): exercises the ≥ comparison
    const CountMatrix m = two_group_matrix(x, y);
    const int grid_points = 1000;
    double X = 0, T = 0;
    for (std::size_t i = 0; i < x.size(); ++i) X += x[i], T += x[i] + y[i];
    const double threshold = X / T, step = 1.0 / (grid_points - 1);
    double below = 0, above = 0;
    for (int k = 0; k < grid_points; ++k) {
        const double theta = k == grid_points - 1 ? 1.0 : k * step;
        double v = 0;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x[i] / (x[i] + y[i]) >= theta) v += x[i];
        (theta < threshold ? below : above) += v / X;
    }
    const double expected = (threshold - (below / grid_points - above / grid_points)) / (1 - threshold);
    EXPECT_NEAR(index_value("concentration_profile", m), expected, 1e-13);
}

TEST(TwoGroupDensityCorrectedDissim, ToyTable) {
    // a = x/X, b = y/Y, σ² = b(1−b)/Y + a(1−a)/X, θ = |b−a|/σ, term = σ·n(θ):
    //   A: a 0.8, b 1/15:  σ 0.134440, θ 5.4547 → n(θ) = θ (tanh(θ²) = 1 in double) → 11/15
    //   B: a 0.2, b 4/15:  σ 0.150062, θ 0.4443 ≤ 1 → n = 0 → 0 (within noise: dropped)
    //   C: a 0,   b 10/15: σ 0.086066, θ 7.7460 → n(θ) = θ → 10/15
    // D_dc = ½ (11/15 + 0 + 10/15) = 0.7
    EXPECT_NEAR(index_value("density_corrected_dissimilarity", toy()), 0.7, 1e-14);
}

TEST(TwoGroupDensityCorrectedDissim, FoldedNormalModeBetweenZeroAndTheta) {
    // x = (8, 12), y = (12, 8): a = (0.4, 0.6), b = (0.6, 0.4), σ² = 2·0.24/20 = 0.024,
    // θ = 0.2/√0.024 = 1.2909944487358056 for both units. The mode u of φ(u−θ) + φ(u+θ) solves
    // u = θ tanh(θu): u = 1.171360983947693 (bisection; a 1e-5 grid scan of the density agrees,
    // argmax 1.17136). D_dc = ½·2·σ·u = √0.024 · 1.171360983947693 = 0.18146646332906194.
    const CountMatrix m = two_group_matrix({8, 12}, {12, 8});
    EXPECT_NEAR(index_value("density_corrected_dissimilarity", m), 0.18146646332906194, 1e-13);
}

TEST(TwoGroupDensityCorrectedDissim, IntermediateThetas) {
    // x = (6, 3, 1), y = (4, 6, 10): θ = (√5, 0, 2.72798); modes from u = θ tanh(θu) by bisection:
    // (2.235864767477371, 0, 2.727975483072245); σ = (0.178885, 0.177482, 0.146629);
    // D_dc = ½ (0.399963649 + 0 + 0.399999725) = 0.3999816868925179 (D = 0.4).
    const CountMatrix m = two_group_matrix({6, 3, 1}, {4, 6, 10});
    EXPECT_NEAR(index_value("density_corrected_dissimilarity", m), 0.3999816868925179, 1e-13);
}

TEST(TwoGroupDensityCorrectedDissim, ApproachesDWithLargeCounts) {
    // Sampling noise shrinks as counts grow, so the correction vanishes (it is not scale-free).
    // Same table ×10⁴: σ ≈ 0.0018, θ ≈ 220 for A and C, so n(θ) = θ and D_dc = D = 0.4 (unit B,
    // with equal shares, contributes 0 either way).
    const std::vector<double> x{6e4, 3e4, 1e4}, y{4e4, 6e4, 10e4};
    EXPECT_NEAR(index_value("density_corrected_dissimilarity", two_group_matrix(x, y)), 0.4, 1e-12);
}

// ---- invariants over all deterministic indices -------------------------------------------------

struct Expectation {
    std::string name;
    double complete;  // value at complete segregation
    double even;      // value at even distribution (P = ¼)
    bool scale_free;  // unchanged when all counts are multiplied by a constant (else it must change)
};

void PrintTo(const Expectation& e, std::ostream* os) { *os << e.name; }

class TwoGroupInvariants : public ::testing::TestWithParam<Expectation> {};

const CountMatrix& irregular() {
    static const CountMatrix m = [] {
        std::mt19937 rng(2024);
        std::vector<double> x, y;
        for (int i = 0; i < 60; ++i) {
            const double t = 5 + rng() % 200;
            const double xi = std::floor(t * (rng() % 1000) / 1000.0 * (i % 3 == 0 ? 1.0 : 0.2));
            x.push_back(xi);
            y.push_back(t - xi);
        }
        return two_group_matrix(x, y);
    }();
    return m;
}

TEST_P(TwoGroupInvariants, WithinUnitInterval) {
    const double v = index_value(GetParam().name, irregular());
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 1.0);
    EXPECT_GT(v, 0.01);  // the table is neither even nor a degenerate case
}

TEST_P(TwoGroupInvariants, CompleteSegregation) {
    // Every unit holds one group only; P = 40/160 = ¼.
    const CountMatrix m = two_group_matrix({30, 0, 10, 0}, {0, 50, 0, 70});
    EXPECT_NEAR(index_value(GetParam().name, m), GetParam().complete, 1e-12);
}

TEST_P(TwoGroupInvariants, EvenDistribution) {
    // Every unit has p = ¼ (= P).
    const CountMatrix m = two_group_matrix({5, 10, 15, 20}, {15, 30, 45, 60});
    EXPECT_NEAR(index_value(GetParam().name, m), GetParam().even, 1e-12);
}

TEST_P(TwoGroupInvariants, ScalingCounts) {
    const CountMatrix& m = irregular();
    std::vector<double> x(m.column(0).begin(), m.column(0).end()), y(m.column(1).begin(), m.column(1).end());
    for (double& v : x) v *= 7.5;
    for (double& v : y) v *= 7.5;
    const double base = index_value(GetParam().name, m);
    const double scaled = index_value(GetParam().name, two_group_matrix(x, y));
    if (GetParam().scale_free)
        EXPECT_NEAR(scaled, base, 1e-12 * base);
    else  // its correction models sampling noise, which shrinks as counts grow
        EXPECT_GT(std::abs(scaled - base), 1e-6);
}

TEST_P(TwoGroupInvariants, UnitOrderDoesNotMatter) {
    const CountMatrix& m = irregular();
    std::vector<double> x(m.column(0).begin(), m.column(0).end()), y(m.column(1).begin(), m.column(1).end());
    std::reverse(x.begin(), x.end());
    std::reverse(y.begin(), y.end());
    std::rotate(x.begin(), x.begin() + 17, x.end());
    std::rotate(y.begin(), y.begin() + 17, y.end());
    const double base = index_value(GetParam().name, m);
    EXPECT_NEAR(index_value(GetParam().name, two_group_matrix(x, y)), base, 1e-12 * base);
}

INSTANTIATE_TEST_SUITE_P(
    Deterministic, TwoGroupInvariants,
    ::testing::Values(Expectation{"dissimilarity", 1, 0, true}, Expectation{"gini", 1, 0, true},
                      Expectation{"entropy", 1, 0, true}, Expectation{"atkinson", 1, 0, true},
                      Expectation{"atkinson_b01", 1, 0, true}, Expectation{"atkinson_b09", 1, 0, true},
                      Expectation{"isolation", 1, 0.25, true}, Expectation{"interaction", 0, 0.75, true},
                      Expectation{"correlation_ratio", 1, 0, true}, Expectation{"concentration_profile", 1, 0, true},
                      Expectation{"minmax", 1, 0, true},
                      Expectation{"density_corrected_dissimilarity", 1, 0, false}),
    [](const ::testing::TestParamInfo<Expectation>& info) { return info.param.name; });

}  // namespace
}  // namespace cohesion::test
