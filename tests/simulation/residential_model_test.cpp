// The residential model: households conserved (start + arrivals − departures = end, never
// above capacity, never negative), seeded runs identical whatever the number of threads, a
// share preference raises segregation, levers act where they are put, bad setups refused.
#include "simulation/residential_model.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "simulation/calibration.hpp"
#include "simulation/outcome_measures.hpp"
#include "simulation/scenario.hpp"
#include "simulation/synthetic_town.hpp"

using namespace cohesion;

namespace {

std::int64_t total(const std::vector<std::int64_t>& v) { return std::accumulate(v.begin(), v.end(), std::int64_t{0}); }

ModelParameters params(double share) {
    ModelParameters p = neutral_parameters(2);
    p.share = {share, share};
    return p;
}

}  // namespace

TEST(ResidentialModel, ConservesHouseholdsAndRespectsCapacity) {
    const auto s = test::grid_town(6, 6, 400);
    const RunResult r = simulate_run(s, params(1.0), 7, 0);
    ASSERT_EQ(r.counts.size(), 11u);
    EXPECT_EQ(total(r.counts.back()), total(s.start) + r.arrivals - r.departures);
    EXPECT_GT(r.arrivals, 0);
    EXPECT_GT(r.moves, 0);
    const std::size_t n = s.areas();
    for (std::size_t y = 1; y < r.counts.size(); ++y)
        for (std::size_t i = 0; i < n; ++i) {
            std::int64_t occupied = 0;
            for (std::size_t g = 0; g < 2; ++g) {
                EXPECT_GE(r.counts[y][g * n + i], 0);
                occupied += r.counts[y][g * n + i];
            }
            const double f = static_cast<double>(y) / s.years;
            EXPECT_LE(occupied, std::llround(s.capacity_start[i] + (s.capacity_end[i] - s.capacity_start[i]) * f));
        }
    // Group 1 grows 4% a year (what the town can house), group 0 stays.
    std::int64_t g0 = 0, g0_start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        g0 += r.counts.back()[i];
        g0_start += s.start[i];
    }
    EXPECT_EQ(g0, g0_start);
}

TEST(ResidentialModel, SeededRunsIdenticalOnAnyNumberOfThreads) {
    const auto s = test::grid_town(5, 5, 200);
    std::vector<RunResult> one, many;
    {
        tbb::global_control c(tbb::global_control::max_allowed_parallelism, 1);
        one = simulate_replicates(s, params(1.0), 42, 6);
    }
    {
        tbb::global_control c(tbb::global_control::max_allowed_parallelism, 4);
        many = simulate_replicates(s, params(1.0), 42, 6);
    }
    for (std::size_t r = 0; r < 6; ++r) EXPECT_EQ(one[r].counts, many[r].counts) << "replicate " << r;
    // A replicate computed alone (e.g. one work unit of a sweep) equals the same one in a batch.
    EXPECT_EQ(simulate_run(s, params(1.0), 42, 4).counts, one[4].counts);
    EXPECT_NE(one[0].counts.back(), one[1].counts.back());
}

TEST(ResidentialModel, SharePreferenceRaisesSegregation) {
    auto s = test::grid_town(6, 6, 300, 2, 15);
    s.group_growth = {1.0, 1.0};
    const auto d_end = [&](double beta) {
        double d = 0;
        for (const auto& r : simulate_replicates(s, params(beta), 3, 4, 0, false))
            d += index_values(to_double(r.counts.back()), s.areas(), 2).dissimilarity[1] / 4;
        return d;
    };
    const double start = index_values(to_double(s.start), s.areas(), 2).dissimilarity[1];
    const double neutral = d_end(0.0), preferring = d_end(2.0);
    EXPECT_LT(neutral, start);        // random moves mix the town
    EXPECT_GT(preferring, neutral + 0.05);
}

TEST(ResidentialModel, LeversActWhereTheyArePut) {
    const auto base = test::grid_town(5, 5, 300);
    ScenarioSpec spec;
    spec.name = "estate";
    DevelopmentSpec d;
    d.area = "A12";
    d.dwellings = 500;
    d.social_rented = 0.5;
    d.year = 2014;
    spec.developments.push_back(d);
    const auto c = compare_scenarios(base, params(2.0), {spec}, 4, 11);
    ASSERT_EQ(c.outcomes.size(), 2u);
    const std::size_t n = base.areas();
    const double before = c.outcomes[0].end_households[12] + c.outcomes[0].end_households[n + 12];
    const double after = c.outcomes[1].end_households[12] + c.outcomes[1].end_households[n + 12];
    EXPECT_GT(after, before + 300);
    EXPECT_EQ(c.outcomes[0].trajectories.size(), 5u);  // D, isolation per group, M
    EXPECT_EQ(c.outcomes[0].trajectories[0].years.front(), 2011);
    ScenarioSpec bad = spec;
    bad.developments[0].area = "nowhere";
    EXPECT_THROW(compare_scenarios(base, params(2.0), {bad}, 2, 1), Error);
    bad = spec;
    bad.developments[0].social_rented = 1.5;
    EXPECT_THROW(compare_scenarios(base, params(2.0), {bad}, 2, 1), Error);
}

TEST(ResidentialModel, RefusesInconsistentSetups) {
    auto s = test::grid_town(3, 3, 50);
    s.capacity_end.pop_back();
    EXPECT_THROW(simulate_replicates(s, params(0), 1, 1), Error);
    s = test::grid_town(3, 3, 50);
    EXPECT_THROW(simulate_replicates(s, neutral_parameters(3), 1, 1), Error);
}
