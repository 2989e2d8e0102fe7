// target commands through the real binary (split by topic from the old cli_test.cpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

TEST(CliTarget, EsolRanksSmoothedNeedAndCountsPeopleReached) {
    const auto run = run_cli("target esol --census " + census_bundle() + " --top 10 --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_EQ(doc.size(), 3u);
    const auto& rows = doc[2]["rows"];
    ASSERT_EQ(rows.size(), 564u);
    double previous = 1e300, total = 0.0;
    for (const auto& r : rows) {
        EXPECT_LE(r["score"].get<double>(), previous);
        previous = r["score"].get<double>();
        EXPECT_LE(r["need_rate_lower"].get<double>(), r["need_rate_smoothed"].get<double>());
        EXPECT_GE(r["need_rate_upper"].get<double>(), r["need_rate_smoothed"].get<double>());
        total += r["need"].get<double>();
    }
    EXPECT_DOUBLE_EQ(rows[563]["cumulative_need"].get<double>(), total);
    EXPECT_EQ(rows[9]["priority"], "yes");
    EXPECT_EQ(rows[10]["priority"], "no");
    const auto bad = run_cli("target esol --census " + census_bundle() + " --score-weights need=x");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("not a number"), std::string::npos) << bad.err;
    const auto missing = run_cli("target esol --census /nonexistent");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("ts029"), std::string::npos) << missing.err;
}

// Hub siting counts solver stages on stderr: (maximal covering, CBC) coverage, model built,
// solved, allocation; (heuristic, p = 3) coverage, 3 hubs opened, swaps, allocation.
TEST(CliTarget, HubsCountSolverStagesOnStderr) {
    const std::string common = "target hubs --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " +
                               lsoa2021() + " --model maximal-covering -p 3 --distance 1200 --format csv";
    const auto exact = run_cli(common + " --solver exact", "COHESION_PROGRESS_SECONDS=0");
    ASSERT_EQ(exact.exit_code, 0) << exact.err;
    for (int k = 1; k <= 4; ++k)
        EXPECT_NE(exact.err.find("hub siting: solver stages: " + std::to_string(k) + "/4"), std::string::npos) << exact.err;
    const auto heuristic = run_cli(common + " --solver heuristic", "COHESION_PROGRESS_SECONDS=0");
    ASSERT_EQ(heuristic.exit_code, 0) << heuristic.err;
    EXPECT_NE(heuristic.err.find("hub siting: solver stages: 6/6 (100 %)\n"), std::string::npos) << heuristic.err;
    const auto quiet = run_cli(common + " --solver heuristic -q -o " + (scratch_dir() / "quiet_hubs.csv").string(),
                               "COHESION_PROGRESS_SECONDS=0");
    ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(quiet.err, "");
}

TEST(CliTarget, HubsExactAndHeuristicAgreeOnBedford) {
    const std::string common = "target hubs --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " +
                               lsoa2021() + " --model maximal-covering -p 3 --distance 1200 --format json";
    const auto exact = run_cli(common + " --solver exact");
    const auto heuristic = run_cli(common + " --solver heuristic");
    ASSERT_EQ(exact.exit_code, 0) << exact.err;
    ASSERT_EQ(heuristic.exit_code, 0) << heuristic.err;
    auto covered = [](const std::string& out) {
        double c = 0.0;
        for (const auto& r : nlohmann::json::parse(out)[0]["rows"]) c += r["demand_within_distance"].get<double>();
        return c;
    };
    EXPECT_NEAR(covered(heuristic.out), covered(exact.out), 1e-9);
    const auto layer = scratch_dir() / "hubs.geojson";
    ASSERT_EQ(run_cli("target hubs --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " + lsoa2021() +
                      " -o " + layer.string()).exit_code, 0);
    EXPECT_TRUE(std::filesystem::exists(layer));
    const auto too_many = run_cli("target hubs --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " +
                                  lsoa2021() + " -p 500");
    EXPECT_EQ(too_many.exit_code, 1);
    EXPECT_NE(too_many.err.find("500 hubs were asked for but there are only 117"), std::string::npos) << too_many.err;
    const auto far = scratch_dir() / "far_sites.csv";
    std::ofstream(far) << "name,lon,lat\nTown hall,-0.4665,52.1356\nLondon,-0.1276,51.5072\n";
    const auto outside = run_cli("target hubs --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " +
                                 lsoa2021() + " --candidates " + far.string() + " -p 1");
    EXPECT_EQ(outside.exit_code, 1);
    EXPECT_NE(outside.err.find("London (line 3)"), std::string::npos) << outside.err;
    const auto cover = run_cli("target hubs --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " +
                               lsoa2021() + " --candidates " + far.string() + " --allow-outside --model set-covering");
    EXPECT_EQ(cover.exit_code, 1);
    EXPECT_NE(cover.err.find("no set of hubs covers everyone"), std::string::npos) << cover.err;
}

TEST(CliTarget, LicensingZonesAndTwentyPercentTests) {
    const auto run = run_cli("target licensing --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " +
                             lsoa2021() + " --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    const auto& zones = doc[0]["rows"];
    ASSERT_GE(zones.size(), 2u);
    const auto& whole = zones[zones.size() - 1];
    EXPECT_EQ(whole["zone"], "whole proposal");
    double prs = 0.0, share = 0.0;
    for (std::size_t z = 0; z + 1 < zones.size(); ++z)
        prs += zones[z]["private_rented"].get<double>(), share += zones[z]["share_of_private_rented"].get<double>();
    EXPECT_NEAR(whole["private_rented"].get<double>(), prs, 1e-9);
    EXPECT_NEAR(whole["share_of_private_rented"].get<double>(), share, 1e-12);
    for (const auto& r : doc[1]["rows"])
        if (r["candidate"] == "yes") {
            EXPECT_GE(r["private_rented_share"].get<double>(), 0.20269);
        }
    // Stricter criteria: fewer candidate areas.
    const auto strict = run_cli("target licensing --census " + census_bundle() +
                                " --aggregate lsoa21cd --min-private-rented 0.5 --format json");
    ASSERT_EQ(strict.exit_code, 0) << strict.err;
    EXPECT_LT(nlohmann::json::parse(strict.out)[0]["rows"].back()["areas"].get<int>(), whole["areas"].get<int>());
}

TEST(CliTarget, CandidateSitesFromAPointLayer) {
    const auto sites = scratch_dir() / "sites.geojson";
    std::ofstream(sites) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Town hall"},"geometry":{"type":"Point","coordinates":[-0.4665,52.1356]}},
{"type":"Feature","properties":{"name":"Kempston"},"geometry":{"type":"Point","coordinates":[-0.5000,52.1150]}}]})";
    const auto run = run_cli("target hubs --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " + lsoa2021() +
                             " --candidates " + sites.string() + " -p 1 --model p-median --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto hubs = nlohmann::json::parse(run.out)[0]["rows"];
    ASSERT_EQ(hubs.size(), 1u);
    EXPECT_EQ(hubs[0]["site"], "Town hall");  // central Bedford, where most of the need is
    EXPECT_NEAR(hubs[0]["lon"].get<double>(), -0.4665, 1e-6);  // through British National Grid and back
}
