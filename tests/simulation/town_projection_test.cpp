// Bedford on 2021 LSOAs: the town loads consistently (areas, both censuses, households,
// neighbours), setups place everyone within capacity, projections keep area and town totals
// and never go negative, and a small calibration improves on no preferences and gives
// intervals around its estimates.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "core/error.hpp"
#include "simulation/calibration.hpp"
#include "simulation/parameters_json.hpp"
#include "simulation/projection.hpp"
#include "simulation/town.hpp"
#include "simulation/validation.hpp"

using namespace cohesion;

namespace {

const Town& bedford() {
    static const Town town = load_town(bedford_sources(COHESION_EXAMPLE_DATA));
    return town;
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

}  // namespace

TEST(SimulationTown, BedfordLoadsOnOneGeography) {
    const Town& t = bedford();
    EXPECT_EQ(t.areas(), 117u);
    EXPECT_EQ(t.groups.size(), 5u);
    EXPECT_EQ(t.earlier.area_codes(), t.later.area_codes());
    EXPECT_NEAR(sum(t.earlier.group_sum()), 157479, 1.0);  // Bedford 2011 usual residents
    EXPECT_GT(sum(t.later.group_sum()), 180000);
    EXPECT_GT(sum(t.households), 70000);
    EXPECT_EQ(t.neighbourhood.n, 117u);
    for (std::size_t i = 0; i < t.areas(); ++i) {
        EXPECT_NEAR(sum(std::vector<double>(t.neighbourhood.weights_of(i).begin(), t.neighbourhood.weights_of(i).end())), 1.0, 1e-12);
        EXPECT_GE(t.private_share[i] + t.social_share[i], 0.0);
        EXPECT_LE(t.private_share[i] + t.social_share[i], 1.0);
    }
    const SimulationSetup s = make_setup(t, false, 10);
    const std::size_t n = t.areas();
    for (std::size_t i = 0; i < n; ++i) {
        std::int64_t h = 0;
        for (std::size_t g = 0; g < 5; ++g) h += s.start[g * n + i];
        EXPECT_LE(static_cast<double>(h), s.capacity_start[i] + 0.5) << t.codes[i];
    }
}

TEST(SimulationTown, ProjectionsKeepTotalsAndStayPositive) {
    const Town& t = bedford();
    ProjectionOptions o;
    o.year = 2031;
    o.replicates = 8;
    const std::size_t n = t.areas();
    for (auto m : {ProjectionMethod::constant_shares, ProjectionMethod::share_trend, ProjectionMethod::model}) {
        const Projection p = project(t, m, o);
        ASSERT_EQ(p.people.size(), n * 5);
        EXPECT_NEAR(sum(p.people), sum(t.later.group_sum()) * p.growth_factor, 1e-6 * sum(p.people)) << to_string(m);
        for (std::size_t c = 0; c < p.people.size(); ++c) {
            EXPECT_GE(p.low[c], 0.0);
            EXPECT_LE(p.low[c], p.people[c] + 1e-9) << to_string(m);
            EXPECT_GE(p.high[c], p.people[c] - 1e-9) << to_string(m);
        }
        for (std::size_t i = 0; i < n; ++i) {
            double area = 0;
            for (std::size_t g = 0; g < 5; ++g) area += p.people[g * n + i];
            EXPECT_NEAR(area, t.later.group_sum()[i] * p.growth_factor, 1e-6 * area);
        }
    }
    o.annual_growth = 0.0;
    EXPECT_NEAR(project(t, ProjectionMethod::constant_shares, o).growth_factor, 1.0, 1e-12);
    o.year = 2011;
    EXPECT_THROW(project(t, ProjectionMethod::constant_shares, o), Error);
}

TEST(SimulationTown, SmallCalibrationImprovesOnNoPreferences) {
    const Town& t = bedford();
    // Four years instead of ten keeps the test fast under the sanitizers; the checks do not depend on it.
    const SimulationSetup s = make_setup(t, false, 4);
    std::vector<double> observed(t.areas() * 5);
    for (std::size_t g = 0; g < 5; ++g)
        for (std::size_t i = 0; i < t.areas(); ++i) observed[g * t.areas() + i] = t.later.count(i, g);
    CalibrationOptions o;
    o.replicates = 2;
    o.bootstrap = 30;
    o.refine = false;
    o.share_grid = {0, 1};
    o.private_grid = {0};
    o.distance_grid = {-0.1};
    const CalibrationResult r = calibrate(s, observed, o);
    EXPECT_LE(r.loss, r.loss_no_preference);
    ASSERT_EQ(r.estimates.size(), 7u);
    for (const auto& e : r.estimates) {
        EXPECT_LE(e.low, e.value);
        EXPECT_GE(e.high, e.value);
    }
    EXPECT_GT(r.loss_no_change, 0.0);
    // One parameter set per bootstrap resample, each on the searched grids.
    ASSERT_EQ(r.draws.size(), 30u);
    for (const auto& d : r.draws) {
        ASSERT_EQ(d.share.size(), 5u);
        for (double b : d.share) EXPECT_TRUE(b == 0 || b == 1);
        EXPECT_EQ(d.private_rented, 0);
    }
    const auto file = std::filesystem::temp_directory_path() / "cohesion_draws_test.json";
    { std::ofstream(file) << calibration_json(r, t.groups, t.name); }
    const auto loaded = load_parameter_draws(file.string(), t.groups);
    ASSERT_EQ(loaded.size(), r.draws.size());
    EXPECT_EQ(loaded[3].share, r.draws[3].share);
    std::filesystem::remove(file);
    const TownValidation v = validate_town(t, r.parameters, 2, 5, true);
    ASSERT_EQ(v.methods.size(), 3u);
    EXPECT_EQ(v.methods[0].method, "no change");
    // The town-trend baseline knows the 2021 group totals, so it beats no change on shares.
    EXPECT_LT(v.methods[1].share_mae, v.methods[0].share_mae);
}

TEST(SimulationTown, ModelIntervalsCarryParameterUncertainty) {
    const Town& t = bedford();
    ProjectionOptions o;
    o.year = 2023;  // two years keep the test fast
    o.replicates = 8;
    o.parameters = neutral_parameters(5);
    const Projection fixed = project(t, ProjectionMethod::model, o);
    ModelParameters strong = neutral_parameters(5);
    strong.share.assign(5, 3.0);
    strong.private_rented = 3.0;
    o.parameter_draws = {neutral_parameters(5), strong};
    const Projection uncertain = project(t, ProjectionMethod::model, o);
    double fixed_width = 0, uncertain_width = 0;
    for (std::size_t c = 0; c < fixed.people.size(); ++c) {
        fixed_width += fixed.high[c] - fixed.low[c];
        uncertain_width += uncertain.high[c] - uncertain.low[c];
    }
    EXPECT_GT(uncertain_width, 1.2 * fixed_width);
    bool said = false;
    for (const auto& n : uncertain.notes) said = said || n.find("bootstrap parameter sets") != std::string::npos;
    EXPECT_TRUE(said);
    // The draw a replicate uses depends on (seed, replicate) only.
    EXPECT_EQ(&parameter_draw(o.parameter_draws, 1, 5), &parameter_draw(o.parameter_draws, 1, 5));
    EXPECT_THROW(parameter_draw({}, 1, 0), Error);
}
