// `cohesion project` and `cohesion simulate` on the bundled Bedford data: JSON tables with the
// promised columns, totals that follow the chosen growth, scenarios from the project file
// compared with the baseline, progress on stderr when not a terminal, clear errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "cli/run_cli.hpp"

using namespace cohesion::test;

namespace {

std::string data() { return std::string(" --data ") + COHESION_EXAMPLE_DATA; }

}  // namespace

TEST(CliSimulation, ProjectFollowsTheChosenGrowth) {
    const auto run = run_cli("project" + data() + " --method trend --year 2031 --growth 0 --replicates 20 --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    ASSERT_EQ(j.size(), 2u);
    double start = 0, end = 0;
    for (const auto& row : j[0]["rows"]) {
        start += row["people 2021"].get<double>();
        end += row["people 2031"].get<double>();
        EXPECT_LE(row["low"].get<double>(), row["people 2031"].get<double>() + 1e-6);
    }
    EXPECT_NEAR(start, end, 1e-6 * start);  // 0% growth
    EXPECT_EQ(j[1]["rows"].size(), 117u * 5);
    EXPECT_NE(run.err.find("projecting: 20/20"), std::string::npos);  // progress without a terminal
    const auto bad = run_cli("project" + data() + " --method guess");
    EXPECT_NE(bad.exit_code, 0);
}

TEST(CliSimulation, SimulateComparesScenariosWithTheBaseline) {
    const std::string project = std::string(COHESION_EXAMPLE_DATA) + "/bedford/bedford.toml";
    const auto run = run_cli("simulate" + data() + " --scenarios " + project + " --years 5 --replicates 3 --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    ASSERT_EQ(j.size(), 3u);
    std::set<std::string> scenarios;
    for (const auto& row : j[0]["rows"]) scenarios.insert(row["scenario"].get<std::string>());
    EXPECT_EQ(scenarios.size(), 3u);  // baseline + the two in bedford.toml
    EXPECT_TRUE(scenarios.count("baseline"));
    EXPECT_FALSE(j[2]["rows"].empty());
    // --scenario: one of them against the baseline; an unknown name lists the names there are.
    const auto one = run_cli("simulate" + data() + " --scenarios " + project +
                             " --scenario 'A quarter of private renting turned social' --years 4 --replicates 2 --format json");
    ASSERT_EQ(one.exit_code, 0) << one.err;
    std::set<std::string> chosen;
    const auto only = nlohmann::json::parse(one.out);
    for (const auto& row : only[0]["rows"]) chosen.insert(row["scenario"].get<std::string>());
    EXPECT_EQ(chosen, (std::set<std::string>{"baseline", "A quarter of private renting turned social"}));
    const auto unknown = run_cli("simulate" + data() + " --scenarios " + project + " --scenario 'New bridge' --replicates 1");
    EXPECT_NE(unknown.exit_code, 0);
    EXPECT_NE(unknown.err.find("no scenario named 'New bridge' (the project has 'Estate of 1,500 homes"), std::string::npos)
        << unknown.err;
    const auto missing = run_cli("simulate" + data() + " --scenarios /nonexistent.toml");
    EXPECT_NE(missing.exit_code, 0);
    const auto year = run_cli("simulate" + data() + " --from 2015 --replicates 1");
    EXPECT_NE(year.exit_code, 0);
    EXPECT_NE(year.err.find("--from"), std::string::npos);
}
