// Sweeps: a run survives encoding exactly; the units of a sweep, run on threads or one by one
// in any order (as MPI ranks would) and summarised, give exactly what compare_scenarios gives
// for each town; a bad scenario stops the plan before any run.
#include "simulation/sweep.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"
#include "simulation/calibration.hpp"
#include "simulation/synthetic_town.hpp"

using namespace cohesion;

namespace {

std::vector<SweepTown> two_towns() {
    auto small = test::grid_town(3, 4, 120, 3, 4);
    for (double& v : small.social_share) v = 0.4;
    auto p = neutral_parameters(3);
    p.share.assign(3, 1.0);
    return {{"Small", small, p}, {"Larger", test::grid_town(4, 5, 150, 3, 4), p}};
}

std::vector<ScenarioSpec> scenarios() {
    ScenarioSpec quota;
    quota.name = "quota";
    quota.allocations.push_back(AllocationSpec{});
    quota.allocations[0].max_share = 0.5;
    ScenarioSpec build;
    build.name = "build";
    build.developments.push_back(DevelopmentSpec{"A1", std::nullopt, 60, 0.2, 0.3, 2013});
    return {quota, build};
}

void expect_same(const ScenarioComparison& a, const ScenarioComparison& b) {
    ASSERT_EQ(a.outcomes.size(), b.outcomes.size());
    for (std::size_t q = 0; q < a.outcomes.size(); ++q) {
        EXPECT_EQ(a.outcomes[q].name, b.outcomes[q].name);
        EXPECT_EQ(a.outcomes[q].end_households, b.outcomes[q].end_households);
        EXPECT_EQ(a.outcomes[q].quota_lettings, b.outcomes[q].quota_lettings);
        for (std::size_t s = 0; s < a.outcomes[q].trajectories.size(); ++s) {
            EXPECT_EQ(a.outcomes[q].trajectories[s].mean, b.outcomes[q].trajectories[s].mean);
            EXPECT_EQ(a.outcomes[q].trajectories[s].low, b.outcomes[q].trajectories[s].low);
            EXPECT_EQ(a.outcomes[q].trajectories[s].high, b.outcomes[q].trajectories[s].high);
        }
    }
}

}  // namespace

TEST(Sweep, ARunSurvivesEncodingExactly) {
    auto towns = two_towns();
    const SweepPlan plan = plan_sweep(towns, scenarios(), 2, 7);
    ASSERT_EQ(plan.units.size(), 2u * 3u * 2u);
    const RunResult r = run_sweep_unit(plan, 3);  // town 0, quota scenario, replicate 1
    ASSERT_FALSE(r.quota_lettings.empty());
    const RunResult back = decode_run(encode_run(r));
    EXPECT_EQ(back.counts, r.counts);
    EXPECT_EQ(back.quota_lettings, r.quota_lettings);
    EXPECT_EQ(back.moves, r.moves);
    EXPECT_EQ(back.lettings_left_empty, r.lettings_left_empty);
    EXPECT_THROW(decode_run(encode_run(r).substr(0, 20)), Error);
}

TEST(Sweep, IdenticalToCompareScenariosInAnyOrder) {
    auto towns = two_towns();
    const auto specs = scenarios();
    const SweepPlan plan = plan_sweep(towns, specs, 3, 11);
    const auto threaded = run_sweep(plan);
    // Units computed one at a time in the batch runner's order (largest town first), then summarised.
    std::vector<RunResult> runs(plan.units.size());
    const auto order = plan.largest_first();
    EXPECT_EQ(plan.units[order.front()].town, 1u);
    for (std::size_t u : order) runs[u] = decode_run(encode_run(run_sweep_unit(plan, u)));
    const auto gathered = sweep_comparisons(plan, std::move(runs));
    ASSERT_EQ(threaded.size(), 2u);
    for (std::size_t t = 0; t < 2; ++t) {
        expect_same(threaded[t], gathered[t]);
        expect_same(threaded[t], compare_scenarios(towns[t].baseline, towns[t].parameters, specs, 3, 11));
    }
    auto bad = specs;
    bad[1].developments[0].area = "nowhere";
    EXPECT_THROW(plan_sweep(towns, bad, 3, 11), Error);
}
