// spatial commands through the real binary (split by topic from the old cli_test.cpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

TEST(CliSpatial, WeightsSummaryAndGalRoundTrip) {
    const auto gal = scratch_dir() / "queen.gal";
    const auto run = run_cli("weights -b " + bedford_boundaries() + " --save " + gal.string() + " --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc[0]["rows"][1]["value"], 1469);
    EXPECT_EQ(doc[0]["rows"][6]["value"], 0);  // islands
    // The saved GAL read back as weights gives the same summary.
    const auto again = run_cli("weights -b " + bedford_boundaries() + " --weights " + gal.string() + " --format json");
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(nlohmann::json::parse(again.out)[0]["rows"][1]["value"], 1469);
    const auto rook = run_cli("weights -b " + bedford_boundaries() + " --weights rook --format json");
    EXPECT_EQ(nlohmann::json::parse(rook.out)[0]["rows"][2]["value"], 2854);
}

TEST(CliSpatial, HotspotsWriteAGeoJsonLayer) {
    const auto out = scratch_dir() / "hot.geojson";
    const auto run = run_cli("hotspots " + example_table() + " -b " + bedford_boundaries() +
                             " -g Pakistani --permutations 99 -o " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(slurp(out));
    EXPECT_EQ(doc["features"].size(), 501u);
    const auto& props = doc["features"][0]["properties"];
    EXPECT_TRUE(props.contains("gi_star_z"));
    EXPECT_TRUE(props.contains("cluster"));
    // RFC 7946: longitude/latitude.
    const double lon = doc["features"][0]["geometry"]["coordinates"][0][0][0][0].get<double>();
    EXPECT_GT(lon, -0.7);
    EXPECT_LT(lon, -0.2);
}

TEST(CliSpatial, GlobalMoranInHotspotsMatchesEsda) {
    const auto run = run_cli("hotspots " + example_table() + " -b " + bedford_boundaries() +
                             " -g Pakistani --permutations 9 --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_NEAR(doc[0]["rows"][0]["value"].get<double>(), 0.766298634032, 1e-11);
}

TEST(CliSpatial, EnclavesOfPakistaniInBedford) {
    const auto run = run_cli("enclaves " + example_table() + " -b " + bedford_boundaries() + " -g Pakistani --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_GE(doc[0]["rows"].size(), 1u);
    EXPECT_EQ(doc[0]["rows"][0]["enclave"], "Pakistani enclave 1");
    EXPECT_GT(doc[0]["rows"][0]["share_of_group_in_town"].get<double>(), 0.5);
    // Named after the ward holding most of its residents (--places), and without the areas
    // whose share is hardly above the town's (--min-lq, default 1.5: 20 areas; 22 with 0).
    const std::string data = COHESION_EXAMPLE_DATA;
    const auto named = run_cli("enclaves " + example_table() + " -b " + bedford_boundaries() +
                               " -g Pakistani --format json --places " + data + "/bedford/wards.geojson");
    ASSERT_EQ(named.exit_code, 0) << named.err;
    const auto n = nlohmann::json::parse(named.out);
    EXPECT_EQ(n[0]["rows"][0]["name"], "Queens Park");
    EXPECT_EQ(n[1]["rows"][0]["name"], "Queens Park");
    EXPECT_EQ(doc[0]["rows"][0]["name"].get<std::string>().rfind("E00", 0), 0u);  // no places: an area code
    const auto loose = run_cli("enclaves " + example_table() + " -b " + bedford_boundaries() +
                               " -g Pakistani --format json --min-lq 0");
    ASSERT_EQ(loose.exit_code, 0) << loose.err;
    const auto l = nlohmann::json::parse(loose.out);
    EXPECT_EQ(doc[0]["rows"][0]["areas"].get<int>(), 20);
    EXPECT_EQ(l[0]["rows"][0]["areas"].get<int>(), 22);
}

TEST(CliSpatial, MismatchedBoundariesAreExplained) {
    const auto bad = scratch_dir() / "other.csv";
    std::ofstream(bad) << "code,A,B\nX1,1,2\nX2,3,4\n";
    const auto run = run_cli("hotspots " + bad.string() + " -b " + bedford_boundaries() + " -g A");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("no area code of the table matches the layer"), std::string::npos) << run.err;
}

TEST(CliSpatial, SpatialIndicesAndProfile) {
    const auto run = run_cli("spatial " + example_table() + " -b " + bedford_boundaries() +
                             " -g Pakistani -i spatial_dissimilarity,delta --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_NEAR(doc["rows"][0]["value"].get<double>(), 0.654606237494, 1e-11);
    EXPECT_NEAR(doc["rows"][1]["value"].get<double>(), 0.934487052653, 1e-11);
    const auto profile = run_cli("profile " + example_table() + " -b " + bedford_boundaries() +
                                 " -g Pakistani -i dissimilarity --distances 500 --round --format json");
    ASSERT_EQ(profile.exit_code, 0) << profile.err;
    const auto p = nlohmann::json::parse(profile.out);
    ASSERT_EQ(p["rows"].size(), 3u);  // aspatial, 500 m, queen
    EXPECT_NEAR(p["rows"][1]["value"].get<double>(), 0.601571203059, 1e-4);
    EXPECT_NE(run_cli("profile " + example_table() + " -b " + bedford_boundaries() + " --kernel cubic").exit_code, 0);
}
