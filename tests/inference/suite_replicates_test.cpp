// One set of resamples for a whole suite (suite_replicates.hpp): same draws as the per-index
// API where the base is the view itself, independent of the thread count, derived views keep
// their totals, and derived views have the same bootstrap spread as views resampled alone.
#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include <cmath>
#include <numeric>

#include "core/cancellation.hpp"
#include "core/table.hpp"
#include "indices/index_suite.hpp"
#include "inference/randomisation.hpp"
#include "inference/suite_replicates.hpp"
#include "support/bedford.hpp"

using namespace cohesion;

namespace {

SuitePlan plan_for(const Table& table, std::vector<std::string> indices, std::vector<std::string> focal = {}) {
    SuiteRequest request;
    request.indices = std::move(indices);
    request.focal = std::move(focal);
    return plan_suite(table, request);
}

double sd(const std::vector<double>& v) {
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    double ss = 0.0;
    for (double e : v) ss += (e - mean) * (e - mean);
    return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

}  // namespace

TEST(SuiteReplicates, OneViewRepeatsThePerIndexBootstrapAndRandomisation) {
    const Table& table = test::bedford_oa_2011();
    const SuitePlan plan = plan_for(table, {"mutual_information", "multi_dissimilarity"});
    const IndexParams params;
    const auto boot = suite_replicates(table, plan, params, {ResampleScheme::bootstrap, 20, 9, {}, {}});
    const auto alone = bootstrap(*plan.items[0].index, plan.views[0], params, BootstrapOptions{20, 0.95, 9, {}, {}});
    EXPECT_EQ(boot[0], alone.replicates);
    const auto rand = suite_replicates(table, plan, params, {ResampleScheme::randomisation, 5, 9, {}, {}});
    const auto test = randomisation_test(*plan.items[1].index, plan.views[0], params, RandomisationOptions{5, 9, {}, {}});
    EXPECT_EQ(rand[1], test.replicates);
}

TEST(SuiteReplicates, SharedDrawsAreIndependentOfThreadCount) {
    const Table& table = test::bedford_oa_2011();
    const SuitePlan plan = plan_for(table, {"mutual_information", "dissimilarity", "isolation"});
    // Persons exceeds the 14 groups in some OAs, so the multigroup view (total = Σ groups) is
    // its own base; the 14 vs-rest views share the other.
    ASSERT_EQ(plan.views.size(), 15u);
    ASSERT_EQ(suite_replicate_bases(table, plan), 2u);
    const IndexParams params;
    std::vector<std::vector<double>> one, two;
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
        one = suite_replicates(table, plan, params, {ResampleScheme::bootstrap, 12, 3, {}, {}});
    }
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
        two = suite_replicates(table, plan, params, {ResampleScheme::bootstrap, 12, 3, {}, {}});
    }
    EXPECT_EQ(one, two);
    for (const auto& v : one) EXPECT_GT(sd(v), 0.0);
}

TEST(SuiteReplicates, DerivedViewsHaveTheSpreadOfViewsResampledAlone) {
    // D for each group vs rest: from the shared draw of all groups (plus the people in no listed
    // group) and from its own two-column draw. Same distribution, so the bootstrap standard
    // errors agree up to their own noise (~7 % each with 200 replicates).
    const Table& table = test::bedford_oa_2011();
    const SuitePlan plan = plan_for(table, {"dissimilarity"});
    ASSERT_EQ(suite_replicate_bases(table, plan), 1u);
    const IndexParams params;
    const auto shared = suite_replicates(table, plan, params, {ResampleScheme::bootstrap, 200, 5, {}, {}});
    for (std::size_t k : {std::size_t{0}, std::size_t{5}}) {  // WhiteBrit, Pakistani
        const auto alone = bootstrap(*plan.items[k].index, plan.views[k], params, BootstrapOptions{200, 0.95, 6, {}, {}});
        EXPECT_NEAR(sd(shared[k]) / alone.standard_error, 1.0, 0.3) << plan.items[k].focal;
    }
}

TEST(SuiteReplicates, RandomisationOfDerivedViewsKeepsTheirMargins) {
    // Isolation Σ (x_i/X)(x_i/t_i) under random allocation with both margins fixed has
    // expectation ≈ P + U P (1 − P) / X (x_i ≈ Bin(t_i, P), U units); a derived view that lost
    // a margin would drift from it.
    const Table& table = test::bedford_oa_2011();
    const SuitePlan plan = plan_for(table, {"mutual_information", "isolation"}, {"Pakistani", "Indian"});
    const IndexParams params;
    const auto rand = suite_replicates(table, plan, params, {ResampleScheme::randomisation, 20, 5, {}, {}});
    for (std::size_t k = 1; k < plan.items.size(); ++k) {
        const CountMatrix& view = plan.views[plan.items[k].view];
        const double X = view.group_totals[0], P = X / view.grand_total;
        const double expected = P + static_cast<double>(view.units) * P * (1.0 - P) / X;
        const double mean = std::accumulate(rand[k].begin(), rand[k].end(), 0.0) / 20.0;
        EXPECT_NEAR(mean, expected, 0.02 * expected) << plan.items[k].focal;
    }
}

TEST(SuiteReplicates, StopRequestCancels) {
    const Table& table = test::bedford_oa_2011();
    const SuitePlan plan = plan_for(table, {"mutual_information"});
    std::stop_source source;
    source.request_stop();
    EXPECT_THROW(suite_replicates(table, plan, IndexParams{}, {ResampleScheme::bootstrap, 10, 1, {}, source.get_token()}),
                 Cancelled);
}
