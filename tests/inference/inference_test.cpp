#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "indices/registry.hpp"
#include "inference/bootstrap.hpp"
#include "inference/comparison.hpp"
#include "sampling/people_sampler.hpp"
#include "sampling/random.hpp"
#include "inference/randomisation.hpp"
#include "inference/resampling.hpp"
#include "support/bedford.hpp"

using namespace cohesion;

namespace {
const IndexDefinition& index(const char* name) { return IndexRegistry::instance().get(name); }
}  // namespace

TEST(Resampling, MultinomialDrawsSumToNAndHaveTheRightMean) {
    auto engine = replicate_engine(1, 0);
    const std::vector<double> weights{1, 2, 3, 0, 4};
    std::vector<double> out(5), sum(5, 0.0);
    const int draws = 20000;
    for (int d = 0; d < draws; ++d) {
        draw_multinomial(1000, weights, out, engine);
        EXPECT_EQ(std::accumulate(out.begin(), out.end(), 0.0), 1000.0);
        EXPECT_EQ(out[3], 0.0);
        for (int k = 0; k < 5; ++k) sum[k] += out[k];
    }
    for (int k = 0; k < 5; ++k) {
        const double p = weights[k] / 10.0, expected = 1000.0 * p;
        // Standard error of the mean of `draws` draws: sqrt(n p (1 - p) / draws); allow 5 of them.
        EXPECT_NEAR(sum[k] / draws, expected, 5.0 * std::sqrt(1000.0 * p * (1 - p) / draws) + 1e-12) << k;
    }
}

TEST(Resampling, SmallMeanBinomialPathHasBinomialMoments) {
    auto engine = replicate_engine(2, 0);
    const std::int64_t n = 100000;
    const double p = 5e-5;  // n p = 5: the inversion path
    double sum = 0.0, squares = 0.0;
    const int draws = 40000;
    for (int d = 0; d < draws; ++d) {
        const double x = static_cast<double>(draw_binomial(n, p, engine));
        sum += x;
        squares += x * x;
    }
    const double mean = sum / draws, variance = squares / draws - mean * mean;
    EXPECT_NEAR(mean, 5.0, 5.0 * std::sqrt(5.0 / draws));
    EXPECT_NEAR(variance, 5.0 * (1 - p), 0.2);
}

TEST(Resampling, RandomAllocationKeepsBothMargins) {
    const CountMatrix m = multigroup(test::bedford_oa_2011());
    auto engine = replicate_engine(3, 0);
    const CountMatrix r = allocate_at_random(m, engine);
    ASSERT_EQ(r.units, m.units);
    for (std::size_t i = 0; i < m.units; ++i) EXPECT_EQ(r.unit_totals[i], m.unit_totals[i]);
    for (std::size_t g = 0; g < m.groups; ++g) EXPECT_EQ(r.group_totals[g], m.group_totals[g]);
}

TEST(Bootstrap, SeededAndIndependentOfThreadCount) {
    const CountMatrix m = two_group_vs_rest(test::bedford_oa_2011(), "Pakistani");
    const IndexParams params;
    const BootstrapOptions options{50, 0.95, 11, {}, {}};
    BootstrapResult one, two;
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
        one = bootstrap(index("dissimilarity"), m, params, options);
    }
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
        two = bootstrap(index("dissimilarity"), m, params, options);
    }
    EXPECT_EQ(one.replicates, two.replicates);
    EXPECT_NEAR(one.estimate, 0.6710167204, 1e-9);
    EXPECT_GT(one.standard_error, 0.001);
    EXPECT_LT(one.standard_error, 0.02);
    EXPECT_LE(one.ci_lower, one.ci_upper);
    EXPECT_DOUBLE_EQ(one.bias_corrected, 2 * one.estimate - one.mean);
    const auto other_seed = bootstrap(index("dissimilarity"), m, params, BootstrapOptions{50, 0.95, 12, {}, {}});
    EXPECT_NE(other_seed.replicates, one.replicates);
}

TEST(Bootstrap, PercentilesInterpolateLikeNumpy) {
    const std::vector<double> v{1, 2, 3, 4};
    EXPECT_DOUBLE_EQ(percentile_of_sorted(v, 0.5), 2.5);
    EXPECT_DOUBLE_EQ(percentile_of_sorted(v, 0.025), 1.075);
    EXPECT_DOUBLE_EQ(percentile_of_sorted(v, 1.0), 4.0);
}

TEST(Bootstrap, RejectsNonsenseOptions) {
    const CountMatrix m = two_group_vs_rest(test::bedford_oa_2011(), "Pakistani");
    const IndexParams params;
    EXPECT_THROW(bootstrap(index("dissimilarity"), m, params, BootstrapOptions{1, 0.95, 1, {}, {}}), Error);
    EXPECT_THROW(bootstrap(index("dissimilarity"), m, params, BootstrapOptions{10, 1.5, 1, {}, {}}), Error);
}

TEST(Randomisation, SegregatedTableIsSignificantEvenTableIsNot) {
    const IndexParams params;
    // Complete segregation: no random allocation reaches M = ln 2 → p = 1 / (R + 1).
    const CountMatrix apart = make_count_matrix({50, 0, 0, 50}, 2, {"A", "B"});
    const auto r = randomisation_test(index("mutual_information"), apart, params, RandomisationOptions{99, 5, {}, {}});
    EXPECT_NEAR(r.observed, std::log(2.0), 1e-12);
    EXPECT_DOUBLE_EQ(r.p_value, 1.0 / 100.0);
    EXPECT_LT(r.expected, 0.05);
    // Identical composition everywhere: observed M = 0, every random table has M >= 0 → p = 1.
    const CountMatrix even = make_count_matrix({20, 20, 20, 20, 20, 20}, 3, {"A", "B"});
    const auto e = randomisation_test(index("mutual_information"), even, params, RandomisationOptions{99, 5, {}, {}});
    EXPECT_NEAR(e.observed, 0.0, 1e-15);
    EXPECT_DOUBLE_EQ(e.p_value, 1.0);
}

TEST(Randomisation, BedfordMIsFarAboveItsRandomExpectation) {
    const IndexParams params;
    const CountMatrix m = multigroup(test::bedford_oa_2011());
    const auto r = randomisation_test(index("mutual_information"), m, params, RandomisationOptions{20, 9, {}, {}});
    // Small areas give M > 0 by chance (about 0.022 here), an order of magnitude below 0.209.
    EXPECT_GT(r.expected, 0.01);
    EXPECT_LT(r.expected, 0.04);
    EXPECT_DOUBLE_EQ(r.p_value, 1.0 / 21.0);
}

TEST(Comparison, TableWithItselfHasZeroDifference) {
    const CountMatrix m = two_group_vs_rest(test::bedford_oa_2011(), "Pakistani");
    const IndexParams params;
    const auto c = compare_tables(index("dissimilarity"), m, m, params, BootstrapOptions{60, 0.9, 4, {}, {}});
    EXPECT_DOUBLE_EQ(c.raw_difference, 0.0);
    EXPECT_LT(c.difference.ci_lower, 0.0);
    EXPECT_GT(c.difference.ci_upper, 0.0);
    // The headline difference is the difference of the headline (debiased) estimates.
    EXPECT_NEAR(c.difference.estimate, c.value_b - c.value_a, 1e-12);
    EXPECT_GT(c.p_value, 0.05);
}

TEST(PeopleSamplerTest, DrawsExactlyThePopulationWithTheRightCellMeans) {
    // Small table so both corrections (add and remove people) happen across replicates.
    const CountMatrix m = make_count_matrix({30, 5, 0, 12.5, 7, 45.5}, 3, {"A", "B"});  // T = 100
    const PeopleSampler sampler(m);
    EXPECT_EQ(sampler.people(), 100);
    std::vector<double> mean(6, 0.0);
    const int replicates = 20000;
    for (int r = 0; r < replicates; ++r) {
        auto engine = replicate_engine(21, static_cast<std::uint64_t>(r));
        const CountMatrix d = sampler.draw(engine);
        ASSERT_EQ(d.grand_total, 100.0);
        // Rebuilt matrices drop empty units, so map back through unit_rows.
        for (std::size_t g = 0; g < 2; ++g)
            for (std::size_t k = 0; k < d.units; ++k) mean[g * 3 + d.unit_rows[k]] += d.at(k, g);
    }
    for (std::size_t c = 0; c < 6; ++c) {
        const double p = m.cells[c] / 100.0;
        EXPECT_NEAR(mean[c] / replicates, m.cells[c], 5.0 * std::sqrt(100.0 * p * (1 - p) / replicates) + 1e-12) << c;
    }
}
