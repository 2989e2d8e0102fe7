// The bootstrap headline and interval (inference/bootstrap_summary). The expected numbers
// below are computed by hand with R `segregation` 1.1.0's `bootstrap_summary` semantics
// (R/segregation.R): est_debiased = 2 * est - boot_est; est = mean(est_debiased),
// se = sd(est_debiased), CI = quantile(est_debiased, c(0.025, 0.975)) (type 7),
// bias = est - mean(est_debiased).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "indices/registry.hpp"
#include "inference/bootstrap.hpp"
#include "inference/bootstrap_summary.hpp"
#include "support/bedford.hpp"

using namespace cohesion;

namespace {
// θ̂ = 0.5; replicates sit above it, as they do for a segregation index.
const std::vector<double> toy{0.55, 0.60, 0.52, 0.58, 0.65};
}  // namespace

TEST(BootstrapSummary, DebiasedMatchesRSegregationByHand) {
    // Debiased replicates 2·0.5 − θ* = 0.45 0.40 0.48 0.42 0.35; sorted 0.35 0.40 0.42 0.45 0.48.
    const auto s = summarise_bootstrap(0.5, toy, 0.95, IntervalMethod::debiased);
    EXPECT_NEAR(s.estimate, 0.42, 1e-15);                       // mean 2.10 / 5
    EXPECT_NEAR(s.standard_error, std::sqrt(0.0098 / 4), 1e-15);  // Σ dev² = .0009+.0004+.0036+0+.0049
    EXPECT_NEAR(s.ci_lower, 0.355, 1e-15);                      // h = 4·0.025 = 0.1: 0.35 + 0.1·0.05
    EXPECT_NEAR(s.ci_upper, 0.477, 1e-15);                      // h = 3.9: 0.45 + 0.9·0.03
    EXPECT_NEAR(s.bias, 0.08, 1e-15);                           // 0.5 − 0.42
    EXPECT_DOUBLE_EQ(s.raw_value, 0.5);
    EXPECT_NEAR(s.replicate_mean, 0.58, 1e-15);
    EXPECT_EQ(s.replicates, 5u);
    // The point of the method: the interval contains the headline.
    EXPECT_LE(s.ci_lower, s.estimate);
    EXPECT_GE(s.ci_upper, s.estimate);
}

TEST(BootstrapSummary, PercentileVariantByHand) {
    // Sorted replicates 0.52 0.55 0.58 0.60 0.65.
    const auto s = summarise_bootstrap(0.5, toy, 0.95, IntervalMethod::percentile);
    EXPECT_DOUBLE_EQ(s.estimate, 0.5);
    EXPECT_NEAR(s.ci_lower, 0.523, 1e-15);
    EXPECT_NEAR(s.ci_upper, 0.645, 1e-15);
    EXPECT_NEAR(s.bias, 0.08, 1e-15);  // mean 0.58 − 0.5: the same bias either way
    EXPECT_NEAR(s.standard_error, std::sqrt(0.0098 / 4), 1e-15);
    EXPECT_GT(s.ci_lower, s.estimate);  // the defect the debiased method removes
}

TEST(BootstrapSummary, ReproducesTheNationalRNumbersFromCohesionsReplicates) {
    // England & Wales M: cohesion's percentile interval of raw replicates [0.2821, 0.2824]
    // around θ̂ = 0.2708; R segregation reported [0.2592, 0.2595]. Reflection about θ̂
    // maps one onto the other (type-7 quantiles commute with x -> 2θ̂ − x), so a replicate
    // vector with those percentiles must give R's interval.
    const std::vector<double> replicates{0.28205, 0.2821, 0.28215, 0.2822, 0.28225, 0.2823, 0.28235, 0.2824, 0.28245};
    const auto raw = summarise_bootstrap(0.2708, replicates, 0.95, IntervalMethod::percentile);
    const auto r = summarise_bootstrap(0.2708, replicates, 0.95, IntervalMethod::debiased);
    EXPECT_NEAR(r.ci_lower, 2 * 0.2708 - raw.ci_upper, 1e-15);
    EXPECT_NEAR(r.ci_upper, 2 * 0.2708 - raw.ci_lower, 1e-15);
    EXPECT_NEAR(r.ci_lower, 0.2592, 1e-4);
    EXPECT_NEAR(r.ci_upper, 0.2595, 1e-4);
}

TEST(BootstrapSummary, UndefinedReplicatesAreLeftOutAndCounted) {
    std::vector<double> with_nan = toy;
    with_nan.push_back(std::numeric_limits<double>::quiet_NaN());
    const auto s = summarise_bootstrap(0.5, with_nan, 0.95, IntervalMethod::debiased);
    EXPECT_EQ(s.undefined, 1u);
    EXPECT_NEAR(s.estimate, 0.42, 1e-15);
    const auto none = summarise_bootstrap(0.5, std::vector<double>{0.6}, 0.95, IntervalMethod::debiased);
    EXPECT_TRUE(std::isnan(none.estimate));
    EXPECT_TRUE(std::isnan(none.ci_lower));
}

TEST(BootstrapSummary, ParsesTheMethodNames) {
    EXPECT_EQ(parse_interval_method("debiased"), IntervalMethod::debiased);
    EXPECT_EQ(parse_interval_method("percentile"), IntervalMethod::percentile);
    EXPECT_THROW(parse_interval_method("bca"), Error);
    EXPECT_EQ(to_string(IntervalMethod::percentile), "percentile");
}

TEST(BootstrapSummary, BedfordMutualInformationIntervalContainsTheDebiasedEstimate) {
    // The case: Bedford 2011 OAs, M = 0.2092 with a raw percentile interval of about
    // 0.221–0.227, wholly above it.
    const CountMatrix m = multigroup(test::bedford_oa_2011());
    const auto& index = IndexRegistry::instance().get("mutual_information");
    const auto b = bootstrap(index, m, IndexParams{}, BootstrapOptions{100, 0.95, 20170601, {}, {}});
    EXPECT_NEAR(b.estimate, 0.2092002615, 1e-9);
    const auto raw = summarise_bootstrap(b.estimate, b.replicates, 0.95, IntervalMethod::percentile);
    const auto r = summarise_bootstrap(b.estimate, b.replicates, 0.95, IntervalMethod::debiased);
    EXPECT_GT(raw.ci_lower, b.estimate);
    EXPECT_LE(r.ci_lower, r.estimate);
    EXPECT_GE(r.ci_upper, r.estimate);
    EXPECT_LT(r.estimate, b.estimate);
    EXPECT_NEAR(r.estimate, b.bias_corrected, 1e-12);  // same as bootstrap()'s 2θ̂ − mean θ*
    EXPECT_NEAR(r.bias, b.mean - b.estimate, 1e-12);
}
