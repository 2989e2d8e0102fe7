// `cohesion project` and `cohesion simulate` on the bundled Bedford data: JSON tables with the
// promised columns, totals that follow the chosen growth, scenarios from the project file
// compared with the baseline, progress on stderr when not a terminal, clear errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
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
        start += row["people_2021"].get<double>();
        end += row["people_2031"].get<double>();
        EXPECT_LE(row["low"].get<double>(), row["people_2031"].get<double>() + 1e-6);
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

TEST(CliSimulation, AllocationQuotaFromTheScenarioFile) {
    const auto file = scratch_dir() / "quota.toml";
    {
        std::ofstream out(file);
        out << "[[scenario]]\nname = \"Half at most\"\nassumption = \"mixing quota on social lettings\"\n"
               "allocation = { max_share = 0.5, year = 2022 }\n"
               "[[scenario]]\nname = \"Target mix\"\n[scenario.allocation]\nmax_share = 0.9\n"
               "max_share_by_group = { White = 0.6 }\n";
    }
    const auto run = run_cli("simulate" + data() + " --scenarios " + file.string() + " --years 2 --replicates 2 --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    bool quota_note = false;
    for (const auto& n : j[0]["notes"]) {
        const auto text = n.get<std::string>();
        if (text.find("'Half at most' allocation rule") != std::string::npos) {
            quota_note = true;
            EXPECT_NE(text.find("was 50%"), std::string::npos) << text;  // White holds the cap
        }
    }
    EXPECT_TRUE(quota_note) << j[0]["notes"].dump();
    {
        std::ofstream out(file);
        out << "[[scenario]]\nname = \"typo\"\nallocation = { max_shares = 0.5 }\n";
    }
    const auto typo = run_cli("simulate" + data() + " --scenarios " + file.string() + " --years 1 --replicates 1");
    EXPECT_NE(typo.exit_code, 0);
    EXPECT_NE(typo.err.find("max_shares"), std::string::npos) << typo.err;
}

TEST(CliSimulation, ModelProjectionSaysWhatTheIntervalIncludes) {
    const auto run = run_cli("project" + data() + " --method model --year 2023 --replicates 4 --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto notes = nlohmann::json::parse(run.out)[0]["notes"].dump();
    EXPECT_NE(notes.find("bootstrap parameter sets"), std::string::npos) << notes;
    const auto fixed = run_cli("project" + data() + " --method model --year 2023 --replicates 4 --fixed-parameters --format json");
    ASSERT_EQ(fixed.exit_code, 0) << fixed.err;
    EXPECT_NE(fixed.out.find("simulation noise for the point-estimate parameters only"), std::string::npos);
}

#ifdef COHESION_TEST_MPIRUN
namespace {
const std::string tiny_sweep = std::string("simulate --sweep --data ") + COHESION_EXAMPLE_DATA + " --scenarios " +
                               COHESION_EXAMPLE_DATA + "/bedford/bedford.toml --years 5 --replicates 2 --format csv";
}

TEST(CliSimulation, SweepIdenticalForThreadsAndOneAndTwoMpiRanks) {
    const CliRun threads = run_cli(tiny_sweep);
    ASSERT_EQ(threads.exit_code, 0) << threads.err;
    EXPECT_NE(threads.err.find("6 work units (1 town × 3 scenarios × 2 replicates) on 1 process"), std::string::npos)
        << threads.err;
    EXPECT_NE(threads.out.find("Bedford,baseline,M,2023"), std::string::npos) << threads.out.substr(0, 2000);
    for (int n : {1, 2}) {
        const CliRun run = run_under_mpirun(n, tiny_sweep);
        ASSERT_EQ(run.exit_code, 0) << run.err;
        EXPECT_NE(run.err.find("on " + std::to_string(n) + " process"), std::string::npos) << run.err;
        EXPECT_EQ(run.out, threads.out) << "differs with " << n << " ranks";
    }
}

TEST(CliSimulation, SweepWithAKilledRankWritesNothing) {
    const auto out = scratch_dir() / "sweep_killed.csv";
    const CliRun run = run_under_mpirun(2, tiny_sweep + " --output " + out.string(), "COHESION_SIMULATE_KILL_RANK=1");
    EXPECT_NE(run.exit_code, 0);
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_EQ(run.out.find("Bedford,baseline"), std::string::npos);
    EXPECT_NE((run.err + run.out).find("signal 9"), std::string::npos) << run.err << run.out;
}
#endif
