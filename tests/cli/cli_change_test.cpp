// change commands through the real binary (split by topic from the old cli_test.cpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "cli/run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

TEST(CliChange, HarmoniseBedfordTo2021LsoasKeepsM) {
    const char* env = std::getenv("COHESION_SHARED_DATA");
    const std::string shared = env && *env ? env : COHESION_DEFAULT_SHARED_DATA;
    const auto out = scratch_dir() / "harmonised.csv";
    const auto run = run_cli(
        "harmonise " + example_table() + " --aggregate LSOA --residual GypsyTraveller"
        " --merge White=WhiteBrit+Irish+OtherWhite+GypsyTraveller --merge Asian=Indian+Pakistani+Bangladeshi+Chinese+OtherAsian"
        " --merge Black=BlkAfrican+BlkCaribbean+OtherBlk --merge Other=Arab+Other"
        " --lookup " + shared + "/lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz --from-column lsoa11_code"
        " --to-column lsoa21_code --change-column change_code --weights-table " + shared +
        "/ew2021_lsoa/ts021_ethnic5_lsoa.csv.gz -o " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto m = run_cli("indices " + out.string() + " --index mutual_information --format json");
    ASSERT_EQ(m.exit_code, 0) << m.err;
    EXPECT_NEAR(nlohmann::json::parse(m.out)["rows"][0]["value"].get<double>(), 0.0817586094121, 1e-12);
    const auto bad = run_cli("harmonise " + example_table() + " --lookup " + shared +
                             "/lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz --from-column lsoa11_code --to-column lsoa21_code");
    EXPECT_EQ(bad.exit_code, 1);  // OA codes are not LSOA codes: nothing silently dropped
    EXPECT_NE(bad.err.find("are not in the lookup"), std::string::npos) << bad.err;
}

TEST(CliChange, PaceOfChangeOnTheBundledBedfordData) {
    const std::string bundle = std::string(COHESION_EXAMPLE_DATA) + "/bedford/";
    const std::string schemes = std::string(COHESION_EXAMPLE_DATA) + "/schemes/";
    const auto a = scratch_dir() / "bedford_2011_on_2021.csv";
    const auto h = run_cli("harmonise " + example_table() + " --aggregate LSOA --scheme " + schemes +
                           "ethnicity2011_broad5.csv --lookup " + bundle +
                           "lookup_lsoa11_lsoa21.csv --from-column lsoa11_code --to-column lsoa21_code --weights-table " +
                           bundle + "lsoa2021_ethnic5.csv -o " + a.string());
    ASSERT_EQ(h.exit_code, 0) << h.err;
    const auto run = run_cli("change " + a.string() + " " + bundle + "lsoa2021_ethnic5.csv --scheme-b " + schemes +
                             "ethnicity2021_broad5.csv --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_EQ(doc.size(), 3u);
    // White 80.5 % -> 75.7 %: -4.87 percentage points (reference shares, Bedford LSOAs).
    EXPECT_NEAR(doc[0]["rows"][0]["change_pp"].get<double>(), -4.87295, 1e-4);
    // Shapley decomposition: the parts add up to the total change in M.
    double parts = 0.0, total = 0.0;
    for (const auto& row : doc[1]["rows"]) {
        const auto component = row["component"].get<std::string>();
        if (component == "difference") total = row["value"].get<double>();
        if (component != "difference" && component != "M_A" && component != "M_B") parts += row["value"].get<double>();
    }
    EXPECT_NEAR(parts, total, 1e-12);
    EXPECT_EQ(doc[2]["rows"].size(), 117u);
    const auto mismatch = run_cli("change " + a.string() + " " + bundle + "lsoa2021_ethnic5.csv");
    EXPECT_EQ(mismatch.exit_code, 1);
    EXPECT_NE(mismatch.err.find("is not in the table"), std::string::npos) << mismatch.err;
    EXPECT_NE(mismatch.err.find("map both tables onto the same groups"), std::string::npos) << mismatch.err;
    EXPECT_NE(mismatch.err.find("lsoa2021_ethnic5.csv"), std::string::npos) << mismatch.err;
}

TEST(CliChange, HarmoniseByAreaOverlapKeepsPeopleAndNearlyKeepsM) {
    const char* env = std::getenv("COHESION_SHARED_DATA");
    const std::string shared = env && *env ? env : COHESION_DEFAULT_SHARED_DATA;
    const auto out = scratch_dir() / "areal.csv";
    const auto run = run_cli("harmonise " + example_table() + " --scheme " + std::string(COHESION_EXAMPLE_DATA) +
                             "/schemes/ethnicity2011_broad5.csv --from-boundaries " + std::string(COHESION_EXAMPLE_DATA) +
                             "/bedford/oa2011.geojson --to-boundaries " + shared + "/bedford/lsoa2021.geojson -o " +
                             out.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto info = run_cli("indices " + out.string() + " --index mutual_information --format json");
    ASSERT_EQ(info.exit_code, 0) << info.err;
    const auto doc = nlohmann::json::parse(info.out);
    // Lookup-based harmonisation gives 0.08176; overlap weights smear a little across boundaries.
    EXPECT_NEAR(doc["rows"][0]["value"].get<double>(), 0.0817586, 0.002);
    const auto total = run_cli("info " + out.string() + " --format json");
    ASSERT_EQ(total.exit_code, 0) << total.err;
    double people = 0.0;  // every 2011 resident lands somewhere
    const auto info_doc = nlohmann::json::parse(total.out);
    for (const auto& row : info_doc[0]["rows"])
        if (row["property"] == "population (unit total)") people = row["value"].get<double>();
    EXPECT_NEAR(people, 157479.0, 1e-6);

    const auto neither = run_cli("harmonise " + example_table() + " -o " + out.string());
    EXPECT_NE(neither.exit_code, 0);
    EXPECT_NE(neither.err.find("--lookup"), std::string::npos) << neither.err;
}

// One line per area (COHESION_PROGRESS_SECONDS=0) when stderr is a file, none with --quiet.
TEST(CliChange, HarmoniseCountsItsProgressOnStderr) {
    const std::string data = COHESION_EXAMPLE_DATA;
    const auto out = scratch_dir() / "progress_harmonised.csv";
    const std::string table = "harmonise " + example_table() + " --scheme " + data + "/schemes/ethnicity2011_broad5.csv ";
    const std::string lookup = table + "--aggregate LSOA --lookup " + data +
                               "/bedford/lookup_lsoa11_lsoa21.csv --from-column lsoa11_code --to-column lsoa21_code -o " +
                               out.string();
    const auto shown = run_cli(lookup, "COHESION_PROGRESS_SECONDS=0");
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    EXPECT_NE(shown.err.find("harmonise: areas apportioned: 1/"), std::string::npos) << shown.err;
    EXPECT_TRUE(std::regex_search(shown.err, std::regex(R"(harmonise: areas apportioned: (\d+)/\1 \(100 %\)\n)")))
        << shown.err;
    const auto quiet = run_cli(lookup + " -q", "COHESION_PROGRESS_SECONDS=0");
    ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(quiet.err, "");
    const std::string areal = table + "--from-boundaries " + data + "/bedford/oa2011.geojson --to-boundaries " + data +
                              "/bedford/lsoa2021.geojson -o " + out.string();
    const auto overlaid = run_cli(areal, "COHESION_PROGRESS_SECONDS=0");
    ASSERT_EQ(overlaid.exit_code, 0) << overlaid.err;
    EXPECT_TRUE(std::regex_search(overlaid.err,
                                  std::regex(R"(areal interpolation: source areas overlaid: (\d+)/\1 \(100 %\)\n)")))
        << overlaid.err;
    const auto silent = run_cli(areal + " --quiet", "COHESION_PROGRESS_SECONDS=0");
    ASSERT_EQ(silent.exit_code, 0) << silent.err;
    EXPECT_EQ(silent.err, "");
}

TEST(CliChange, EmergingEnclavesBetweenCensuses) {
    const std::string data = COHESION_EXAMPLE_DATA;
    const auto a = scratch_dir() / "emerging_a.csv";
    const auto h = run_cli("harmonise " + example_table() + " --aggregate LSOA --scheme " + data +
                           "/schemes/ethnicity2011_broad5.csv --lookup " + data +
                           "/bedford/lookup_lsoa11_lsoa21.csv --from-column lsoa11_code --to-column lsoa21_code "
                           "--weights-table " + data + "/bedford/lsoa2021_ethnic5.csv -o " + a.string());
    ASSERT_EQ(h.exit_code, 0) << h.err;
    const auto layer = scratch_dir() / "emerging.geojson";
    const std::string common = "emerging " + a.string() + " " + data + "/bedford/lsoa2021_ethnic5.csv --scheme-b " +
                               data + "/schemes/ethnicity2021_broad5.csv --boundaries " + data +
                               "/bedford/lsoa2021.geojson --permutations 199";
    const auto run = run_cli(common + " --group Asian --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_EQ(doc.size(), 2u);
    ASSERT_GE(doc[0]["rows"].size(), 1u);
    EXPECT_EQ(doc[0]["rows"][0]["status"], "persisting");  // Bedford's Asian enclave was there in 2011
    EXPECT_EQ(doc[1]["rows"].size(), 117u);
    const auto map = run_cli(common + " --group Asian -o " + layer.string());
    ASSERT_EQ(map.exit_code, 0) << map.err;
    EXPECT_TRUE(std::filesystem::exists(layer));
    const auto unknown = run_cli(common + " --group Polish");
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("Polish"), std::string::npos) << unknown.err;
    const auto other_areas = run_cli("emerging " + example_table() + " " + data + "/bedford/lsoa2021_ethnic5.csv --boundaries " +
                                     data + "/bedford/oa2011.geojson --group Pakistani --groups Pakistani --merge-b Pakistani=asian");
    EXPECT_EQ(other_areas.exit_code, 1);
    EXPECT_NE(other_areas.err.find("same geography"), std::string::npos) << other_areas.err;
}

TEST(CliChange, Census2021OutputAreaPercentagesBecomeEstimatedCounts) {
    const char* env = std::getenv("COHESION_SHARED_DATA");
    const std::string oa = std::string(env && *env ? env : COHESION_DEFAULT_SHARED_DATA) + "/ew2021_oa/";
    const auto run = run_cli("indices " + oa + "ts021_ethnic5_pct.csv.gz --percent-of " + oa + "ts001.csv.gz --levels-from " +
                             oa + "oa2021_lookup.csv.gz --where lad22nm=Bedford --aggregate lsoa21cd "
                             "--index mutual_information --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    // Exact LSOA counts give 0.0763346; estimates from 1-d.p. percentages land close.
    EXPECT_NEAR(doc["rows"][0]["value"].get<double>(), 0.0763346, 0.001);
    bool says_estimated = false;
    for (const auto& n : doc["notes"]) says_estimated |= n.get<std::string>().find("estimated counts") != std::string::npos;
    EXPECT_TRUE(says_estimated);
}

TEST(CliChange, TownChangeComparedWithEnglandAndWales) {
    const char* env = std::getenv("COHESION_SHARED_DATA");
    const std::string shared = env && *env ? env : COHESION_DEFAULT_SHARED_DATA;
    const std::string data = COHESION_EXAMPLE_DATA;
    const auto a = scratch_dir() / "national_a.csv";
    ASSERT_EQ(run_cli("harmonise " + example_table() + " --aggregate LSOA --scheme " + data +
                      "/schemes/ethnicity2011_broad5.csv --lookup " + data +
                      "/bedford/lookup_lsoa11_lsoa21.csv --from-column lsoa11_code --to-column lsoa21_code "
                      "--weights-table " + data + "/bedford/lsoa2021_ethnic5.csv -o " + a.string())
                  .exit_code,
              0);
    const std::string common = "change " + a.string() + " " + data + "/bedford/lsoa2021_ethnic5.csv --scheme-b " + data +
                               "/schemes/ethnicity2021_broad5.csv --national-a " + shared +
                               "/ew2011_lsoa_ethnicity.csv.gz --national-scheme-a " + data +
                               "/schemes/ethnicity2011_broad5.csv";
    const auto run = run_cli(common + " --national-b " + shared + "/ew2021_lsoa/ts021_ethnic5_lsoa.csv.gz --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto white = nlohmann::json::parse(run.out)[0]["rows"][0];
    // England & Wales: White 86.0 % (2011) -> 81.7 % (2021).
    EXPECT_NEAR(white["national_share_a"].get<double>(), 0.859717, 1e-6);
    EXPECT_NEAR(white["national_share_b"].get<double>(), 0.817138, 1e-6);
    EXPECT_NEAR(white["town_minus_national_pp"].get<double>(),
                white["change_pp"].get<double>() - white["national_change_pp"].get<double>(), 1e-12);
    const auto half = run_cli(common);
    EXPECT_EQ(half.exit_code, 1);
    EXPECT_NE(half.err.find("give both --national-a and --national-b"), std::string::npos) << half.err;
}
