// The histogram sampler behind modified_dissimilarity_simulated: its binomials have the right
// moments on both of their paths (inversion, std::binomial_distribution) and at p > ½, and a
// histogram of n draws has Multinomial(n, p) moments on both of its paths (alias draws for
// small n, conditional binomials for large n).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "sampling/exact_null.hpp"
#include "sampling/lattice_histogram.hpp"
#include "sampling/random.hpp"

namespace cohesion {
namespace {

TEST(BinomialDraw, MeanAndVarianceOnEveryPath) {
    std::mt19937_64 seeder(5);
    FastRandom random(seeder);
    // (n, p): inversion (np < 16), BTPE (np ≥ 16), p > ½ (mirrored), and the ends.
    for (const auto& [n, p] : std::vector<std::pair<std::int64_t, double>>{{40, 0.1}, {2000, 0.3}, {30, 0.85}, {7, 0.5}}) {
        const int draws = 40000;
        double sum = 0.0, squares = 0.0;
        for (int k = 0; k < draws; ++k) {
            const auto v = static_cast<double>(binomial_draw(random, n, p));
            ASSERT_GE(v, 0.0);
            ASSERT_LE(v, static_cast<double>(n));
            sum += v;
            squares += v * v;
        }
        const double mean = sum / draws, variance = squares / draws - mean * mean;
        const double expected_variance = static_cast<double>(n) * p * (1.0 - p);
        // 5 standard errors of the mean; variance within 5%.
        EXPECT_NEAR(mean, static_cast<double>(n) * p, 5.0 * std::sqrt(expected_variance / draws)) << n << " " << p;
        EXPECT_NEAR(variance, expected_variance, 0.05 * expected_variance) << n << " " << p;
    }
    EXPECT_EQ(binomial_draw(random, 10, 0.0), 0);
    EXPECT_EQ(binomial_draw(random, 10, 1.0), 10);
    EXPECT_EQ(binomial_draw(random, 0, 0.3), 0);
}

TEST(LatticeHistogram, MultinomialMomentsForSmallAndLargeN) {
    const exact_null::LatticePmf pmf = exact_null::binomial_pmf(300, 0.02);
    const LatticeHistogram histogram(pmf);
    ASSERT_EQ(histogram.lo(), pmf.lo);
    ASSERT_GT(5000u, 32 * histogram.size());  // n = 5000 takes the conditional binomials
    std::mt19937_64 seeder(11);
    FastRandom random(seeder);
    for (std::int64_t n : {std::int64_t{9}, std::int64_t{5000}}) {
        const int replicates = 4000;
        std::vector<std::int64_t> counts(histogram.size(), 0);
        std::vector<double> sum(histogram.size(), 0.0);
        for (int r = 0; r < replicates; ++r) {
            const LatticeHistogram::Range range = histogram.draw(random, n, counts);
            std::int64_t total = 0;
            for (std::size_t k = 0; k < counts.size(); ++k) {
                if (k < range.first || k >= range.last) ASSERT_EQ(counts[k], 0) << "outside the drawn range";
                sum[k] += static_cast<double>(counts[k]);
                total += counts[k];
            }
            ASSERT_EQ(total, n);
            std::fill(counts.begin(), counts.end(), 0);
        }
        // E h_k = n p_k; its mean over the replicates has s.e. √(n p_k (1 − p_k) / replicates).
        for (std::size_t k = 0; k < counts.size(); ++k) {
            const double expected = static_cast<double>(n) * pmf.p[k];
            const double se = std::sqrt(static_cast<double>(n) * pmf.p[k] * (1.0 - pmf.p[k]) / replicates);
            EXPECT_NEAR(sum[k] / replicates, expected, 5.0 * se + 1e-9) << "n " << n << " count " << pmf.lo + static_cast<std::int64_t>(k);
        }
    }
}

}  // namespace
}  // namespace cohesion
