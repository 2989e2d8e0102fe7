// The social-housing allocation lever (mixing quota): households conserved and capacity kept,
// the quota holds in every area's lettings of every year, the quota actually binds (applicants
// refused) on a town where one group is the large majority, seeded runs identical on any number
// of threads, and scenario blocks resolved with clear errors.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "simulation/calibration.hpp"
#include "simulation/scenario.hpp"
#include "simulation/synthetic_town.hpp"

using namespace cohesion;

namespace {

std::int64_t total(const std::vector<std::int64_t>& v) { return std::accumulate(v.begin(), v.end(), std::int64_t{0}); }

SimulationSetup quota_town(double max_share) {
    auto s = test::grid_town(5, 5, 300, 3, 6);  // group 0 is about 80% of every area
    for (double& v : s.social_share) v = 0.4;
    AllocationRule rule;
    for (std::size_t i = 0; i < s.areas(); i += 2) rule.areas.push_back(i);
    rule.max_share.assign(s.groups(), max_share);
    rule.year_offset = 2;
    s.levers.allocation_rules.push_back(rule);
    return s;
}

ModelParameters params(std::size_t groups) {
    ModelParameters p = neutral_parameters(groups);
    p.share.assign(groups, 1.0);
    return p;
}

}  // namespace

TEST(AllocationRule, ConservesHouseholdsAndTheQuotaHoldsInEveryLetting) {
    const auto s = quota_town(0.5);
    const std::size_t n = s.areas(), k = s.groups();
    const RunResult r = simulate_run(s, params(k), 11, 0);
    EXPECT_EQ(total(r.counts.back()), total(s.start) + r.arrivals - r.departures);
    ASSERT_EQ(r.quota_lettings.size(), static_cast<std::size_t>(s.years));
    std::int64_t made_total = 0;
    for (std::size_t y = 0; y < r.quota_lettings.size(); ++y)
        for (std::size_t i = 0; i < n; ++i) {
            std::int64_t made = 0, most = 0;
            for (std::size_t g = 0; g < k; ++g) {
                made += r.quota_lettings[y][g * n + i];
                most = std::max(most, r.quota_lettings[y][g * n + i]);
            }
            if (y + 1 < 2 || i % 2 == 1) EXPECT_EQ(made, 0) << "no rule in year " << y << " area " << i;
            EXPECT_LE(2 * most, made) << "year " << y << " area " << i;  // share ≤ 50%
            made_total += made;
        }
    EXPECT_GT(made_total, 50);
    EXPECT_GT(r.quota_refusals, 0);  // the majority group was refused some lettings
    // Capacity is never exceeded, counts never negative.
    for (std::size_t y = 1; y < r.counts.size(); ++y)
        for (std::size_t i = 0; i < n; ++i) {
            std::int64_t occupied = 0;
            for (std::size_t g = 0; g < k; ++g) {
                EXPECT_GE(r.counts[y][g * n + i], 0);
                occupied += r.counts[y][g * n + i];
            }
            const double f = static_cast<double>(y) / s.years;
            EXPECT_LE(occupied, std::llround(s.capacity_start[i] + (s.capacity_end[i] - s.capacity_start[i]) * f));
        }
    // Without the rule nothing is recorded, and the run differs.
    auto plain = s;
    plain.levers.allocation_rules.clear();
    const RunResult b = simulate_run(plain, params(k), 11, 0);
    EXPECT_TRUE(b.quota_lettings.empty());
    EXPECT_NE(b.counts.back(), r.counts.back());
}

TEST(AllocationRule, SeededRunsIdenticalOnAnyNumberOfThreads) {
    const auto s = quota_town(0.6);
    std::vector<RunResult> one, many;
    {
        tbb::global_control c(tbb::global_control::max_allowed_parallelism, 1);
        one = simulate_replicates(s, params(s.groups()), 5, 4);
    }
    {
        tbb::global_control c(tbb::global_control::max_allowed_parallelism, 4);
        many = simulate_replicates(s, params(s.groups()), 5, 4);
    }
    for (std::size_t r = 0; r < 4; ++r) {
        EXPECT_EQ(one[r].counts, many[r].counts) << "replicate " << r;
        EXPECT_EQ(one[r].quota_lettings, many[r].quota_lettings) << "replicate " << r;
    }
}

TEST(AllocationRule, ScenarioBlocksResolveAndReportTheQuota) {
    auto s = test::grid_town(4, 4, 200, 3, 5);
    for (double& v : s.social_share) v = 0.4;
    ScenarioSpec spec;
    spec.name = "quota";
    AllocationSpec a;
    a.max_share = 0.5;
    a.max_share_by_group = {{"G1", 0.3}};
    a.areas = {"A1", "A2"};
    a.year = s.first_year + 1;
    spec.allocations.push_back(a);
    const Levers l = resolve_levers(spec, s);
    ASSERT_EQ(l.allocation_rules.size(), 1u);
    EXPECT_EQ(l.allocation_rules[0].areas, (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(l.allocation_rules[0].max_share, (std::vector<double>{0.5, 0.3, 0.5}));
    EXPECT_EQ(l.allocation_rules[0].year_offset, 1);

    spec.allocations[0].areas.clear();  // every area
    const auto c = compare_scenarios(s, params(3), {spec}, 3, 9);
    ASSERT_EQ(c.outcomes.size(), 2u);
    EXPECT_EQ(c.outcomes[0].quota_lettings, 0.0);
    EXPECT_GT(c.outcomes[1].quota_lettings, 0.0);
    EXPECT_LE(c.outcomes[1].largest_quota_share, 0.5 + 1e-12);

    auto unknown = spec;
    unknown.allocations[0].max_share_by_group = {{"Nobody", 0.3}};
    EXPECT_THROW(resolve_levers(unknown, s), Error);
    auto impossible = spec;  // 3 groups × 30% < 100%: no letting could be made
    impossible.allocations[0].max_share = 0.3;
    impossible.allocations[0].max_share_by_group.clear();
    EXPECT_THROW(resolve_levers(impossible, s), Error);
}
