// The "What if" sentences (study/what_if.hpp) on a hand-made comparison: the caveats come
// first, a difference inside the run-to-run range is called that, one outside it is given
// with its sign, the area that changes most is named after its place, and the charted
// index is the minority group whose dissimilarity moves most.
#include "study/what_if.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

using namespace cohesion;

namespace {

IndexTrajectory path(const std::string& index, double start, double end, double half_band) {
    return {index, {2021, 2022}, {start, end}, {start, end - half_band}, {start, end + half_band}};
}

ScenarioOutcome outcome(const std::string& name, double d_big, double d_small, std::vector<double> shares) {
    ScenarioOutcome o;
    o.name = name;
    o.trajectories = {path("D: Big", 0.3, 0.3, 0.01), path("D: Small", 0.5, d_small, 0.01), path("D: Mid", 0.4, d_big, 0.01),
                      path("M", 0.05, 0.05, 0.001)};
    o.end_shares = std::move(shares);
    o.end_households = {80, 80, 10, 10, 10, 10};  // Big is the largest group
    return o;
}

WhatIf example() {
    WhatIf w;
    w.town = "Testtown";
    w.comparison.codes = {"A1", "A2"};
    w.comparison.groups = {"Big", "Small", "Mid"};
    w.comparison.first_year = 2021;
    w.comparison.years = 1;
    w.comparison.replicates = 5;
    // [g * areas + i]: Big, Small, Mid shares in A1, A2.
    w.comparison.outcomes.push_back(outcome("baseline", 0.40, 0.50, {0.8, 0.8, 0.1, 0.1, 0.1, 0.1}));
    auto estate = outcome("Estate", 0.45, 0.505, {0.8, 0.7, 0.1, 0.1, 0.1, 0.2});
    estate.assumptions = {"500 homes"};
    w.comparison.outcomes.push_back(estate);
    return w;
}

}  // namespace

TEST(WhatIf, SentencesSayWhatMovesBeyondTheRunToRunRange) {
    const auto s = what_if_sentences(example(), {{"A2", "Riverside"}});
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].rfind("These are model projections, not forecasts", 0), 0u) << s[0];
    EXPECT_NE(s[0].find("did not beat the simple town-trend baseline"), std::string::npos);
    EXPECT_NE(s[1].find("Small about 0.50 (range 0.49–0.51; 0.50 in 2021)"), std::string::npos) << s[1];
    EXPECT_EQ(s[1].find("Big about"), std::string::npos) << s[1];  // the largest group is the "everyone else"
    EXPECT_EQ(s[2].rfind("“Estate” assumes: 500 homes.", 0), 0u) << s[2];
    EXPECT_NE(s[2].find("Mid 0.45 (range 0.44–0.46, +0.05 vs the baseline)"), std::string::npos) << s[2];
    EXPECT_NE(s[2].find("for Small the difference is within the run-to-run range"), std::string::npos) << s[2];
    EXPECT_NE(s[2].find("A2 (Riverside), where Big households would be 70 % of households instead of 80 %"),
              std::string::npos)
        << s[2];
    EXPECT_EQ(headline_index(example().comparison), "D: Mid");
}

TEST(WhatIf, UnknownScenarioNamesTheOnesThereAre) {
    std::vector<ScenarioSpec> scenarios(2);
    scenarios[0].name = "Estate";
    scenarios[1].name = "Licensing";
    EXPECT_EQ(&find_scenario(scenarios, "Licensing"), &scenarios[1]);
    try {
        find_scenario(scenarios, "Bridge");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no scenario named 'Bridge' (the project has 'Estate', 'Licensing')"),
                  std::string::npos)
            << e.what();
    }
}
