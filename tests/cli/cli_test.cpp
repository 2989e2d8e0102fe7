#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

TEST(Cli, EveryCommandHasHelp) {
    for (const char* command : {"", "info", "indices", "local", "decompose", "compare", "typology", "weights", "spatial", "profile", "hotspots", "enclaves", "harmonise", "change", "docs"}) {
        const auto run = run_cli(std::string(command) + " --help");
        EXPECT_EQ(run.exit_code, 0) << command << ": " << run.err;
        EXPECT_NE(run.out.find("Usage"), std::string::npos) << command;
    }
}

TEST(Cli, NoCommandIsAUsageError) {
    const auto run = run_cli("");
    EXPECT_NE(run.exit_code, 0);
    EXPECT_TRUE(run.out.empty());
}

TEST(Cli, InfoDescribesTheBedfordExample) {
    const auto run = run_cli("info " + example_table() + " --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_TRUE(doc.is_array());
    EXPECT_EQ(doc[0]["rows"][0]["value"], 501);
    EXPECT_EQ(doc[0]["rows"][2]["value"], "Persons");
    EXPECT_EQ(doc[0]["rows"][3]["value"], 157479.0);
}

TEST(Cli, IndicesMatchReferenceAndListEveryIndex) {
    const auto list = run_cli("indices --list --format csv");
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_NE(list.out.find("dissimilarity,two-group"), std::string::npos);

    const auto run = run_cli("indices " + example_table() + " --group Pakistani --index dissimilarity --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_NEAR(doc["rows"][0]["value"].get<double>(), 0.6710167204, 1e-9);
    EXPECT_EQ(doc["rows"][0]["focal"], "Pakistani");
    // The output says which unit total two-group indices used.
    EXPECT_NE(run.out.find("unit total = Persons"), std::string::npos);
}

TEST(Cli, WhereAggregateMergeAndResidual) {
    const auto run = run_cli("info " + example_table() +
                             " --where LAD=Bedford --aggregate LSOA --merge SouthAsian=Indian+Pakistani+Bangladeshi"
                             " --residual GypsyTraveller --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc[0]["rows"][0]["value"], 103);
    EXPECT_EQ(doc[0]["rows"][1]["value"], 13);  // 14 - 3 + 1 merged + 1 residual
    EXPECT_EQ(doc[1]["rows"][4]["group"], "SouthAsian");
    EXPECT_EQ(doc[1]["rows"][4]["count"], 8122.0 + 3270 + 3225);
}

TEST(Cli, ErrorsGoToStderrWithNonZeroExit) {
    const auto missing = run_cli("info /nonexistent.csv");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_TRUE(missing.out.empty());
    EXPECT_NE(missing.err.find("/nonexistent.csv: cannot open file"), std::string::npos);

    const auto group = run_cli("indices " + example_table() + " --group Martian");
    EXPECT_EQ(group.exit_code, 1);
    EXPECT_NE(group.err.find("column 'Martian': unknown group; expected one of: WhiteBrit"), std::string::npos) << group.err;

    const auto index = run_cli("indices " + example_table() + " --index nonsense");
    EXPECT_EQ(index.exit_code, 1);
    EXPECT_NE(index.err.find("unknown index 'nonsense'"), std::string::npos);

    const auto format = run_cli("info " + example_table() + " --format xml");
    EXPECT_NE(format.exit_code, 0);
}

TEST(Cli, FailedRunLeavesNoOutputFile) {
    const auto dir = scratch_dir();
    const auto bad = dir / "bad.csv";
    std::ofstream(bad) << "code,A,B\nx,1,2\ny,3,-1\n";
    const auto target = dir / "result.csv";
    fs::remove(target);
    const auto run = run_cli("indices " + bad.string() + " --output " + target.string());
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("bad.csv:3: column 'B': negative count -1"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(target));
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().filename().string().find(".result.csv.tmp"), std::string::npos);
}

TEST(Cli, OutputFileFormatFollowsExtension) {
    const auto target = scratch_dir() / "indices.csv";
    const auto run = run_cli("indices " + example_table() + " --group Pakistani --index dissimilarity,gini -o " +
                             target.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string csv = slurp(target);
    EXPECT_EQ(csv.rfind("index,kind,focal,versus,value\n", 0), 0u) << csv;
}

TEST(Cli, IndexDocsAreGeneratedFromTheRegistry) {
    const auto run = run_cli("docs indices");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, slurp(fs::path(COHESION_EXAMPLE_DATA).parent_path() / "docs" / "indices.md"))
        << "docs/indices.md is stale: regenerate with `cohesion docs indices -o docs/indices.md`";
}

TEST(Cli, DecomposeReproducesTheWithinMsoaComponent) {
    const auto run = run_cli("decompose " + example_table() + " --within MSOA --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_EQ(doc.size(), 3u);
    EXPECT_NEAR(doc[0]["rows"][2]["M"].get<double>(), 0.09733962198, 1e-10);
    EXPECT_EQ(doc[1]["rows"].size(), 20u);
    EXPECT_EQ(doc[2]["rows"].size(), 14u);
    const auto bad = run_cli("decompose " + example_table() + " --within Ward");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("unknown level; expected one of: LSOA, MSOA, LAD, RGN"), std::string::npos) << bad.err;
}

TEST(Cli, LocalWritesOneRowPerArea) {
    const auto run = run_cli("local " + example_table() + " --index local_segregation --format csv");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 502);
    EXPECT_EQ(run.out.rfind("area,population,local_segregation:ls,local_segregation:p\nE00088132,298,0.0635762514", 0), 0u);
}

TEST(Cli, BootstrapAndRandomisationColumns) {
    const auto run = run_cli("indices " + example_table() +
                             " --index mutual_information --bootstrap 20 --randomisation 20 --seed 3 --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto row = nlohmann::json::parse(run.out)["rows"][0];
    EXPECT_GT(row["std_error"].get<double>(), 0.0);
    EXPECT_LT(row["expected_if_random"].get<double>(), row["raw_value"].get<double>());
    EXPECT_NEAR(row["raw_value"].get<double>(), 0.2092002615, 1e-9);
    // The headline is debiased and sits inside its interval; the bias is raw − estimate.
    EXPECT_LT(row["estimate"].get<double>(), row["raw_value"].get<double>());
    EXPECT_GE(row["estimate"].get<double>(), row["ci_lower"].get<double>());
    EXPECT_LE(row["estimate"].get<double>(), row["ci_upper"].get<double>());
    EXPECT_NEAR(row["bias"].get<double>(), row["raw_value"].get<double>() - row["estimate"].get<double>(), 1e-15);
    EXPECT_NEAR(row["excess_over_random"].get<double>(),
                row["raw_value"].get<double>() - row["expected_if_random"].get<double>(), 1e-15);
    EXPECT_EQ(row["beyond_chance"], "yes");
    EXPECT_DOUBLE_EQ(row["p_value"].get<double>(), 1.0 / 21.0);
    // Same seed, same numbers.
    EXPECT_EQ(run.out, run_cli("indices " + example_table() +
                               " --index mutual_information --bootstrap 20 --randomisation 20 --seed 3 --format json").out);
}

TEST(Cli, CompareTwoSubsetsOfOneFile) {
    const auto run = run_cli("compare " + example_table() + " --where-b MSOA=E02003620 --index mutual_information"
                             " --bootstrap 10 --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto row = nlohmann::json::parse(run.out)["rows"][0];
    EXPECT_NEAR(row["raw_A"].get<double>(), 0.2092002615, 1e-9);
    EXPECT_LT(row["A"].get<double>(), row["raw_A"].get<double>());  // debiased by default
    EXPECT_NEAR(row["difference"].get<double>(), row["B"].get<double>() - row["A"].get<double>(), 1e-12);
    EXPECT_NEAR(row["raw_difference"].get<double>(), row["raw_B"].get<double>() - row["raw_A"].get<double>(), 1e-15);
    EXPECT_GE(row["difference"].get<double>(), row["ci_lower"].get<double>());
    EXPECT_LE(row["difference"].get<double>(), row["ci_upper"].get<double>());
    // The percentile variant headlines the raw values.
    const auto plain = run_cli("compare " + example_table() + " --where-b MSOA=E02003620 --index mutual_information"
                               " --bootstrap 10 --interval percentile --format json");
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    const auto p = nlohmann::json::parse(plain.out)["rows"][0];
    EXPECT_NEAR(p["A"].get<double>(), 0.2092002615, 1e-9);
    EXPECT_EQ(p["difference"], p["raw_difference"]);
}

TEST(Cli, IndicesIntervalMethodsAndRanking) {
    // Bedford M: the percentile interval of raw replicates lies above the raw value; the
    // debiased interval contains the debiased estimate (docs/inference.md).
    const std::string base = "indices " + example_table() + " --index mutual_information --bootstrap 50 --seed 5";
    const auto debiased = nlohmann::json::parse(run_cli(base + " --format json").out)["rows"][0];
    const auto percentile = nlohmann::json::parse(run_cli(base + " --interval percentile --format json").out)["rows"][0];
    EXPECT_EQ(percentile["estimate"], percentile["raw_value"]);
    EXPECT_GT(percentile["ci_lower"].get<double>(), percentile["raw_value"].get<double>());
    EXPECT_EQ(debiased["raw_value"], percentile["raw_value"]);
    // Same replicates: the debiased interval is the percentile one reflected about the raw value.
    const double raw = debiased["raw_value"].get<double>();
    EXPECT_NEAR(debiased["ci_lower"].get<double>(), 2 * raw - percentile["ci_upper"].get<double>(), 1e-12);
    EXPECT_NEAR(debiased["ci_upper"].get<double>(), 2 * raw - percentile["ci_lower"].get<double>(), 1e-12);
    EXPECT_NE(run_cli(base + " --interval nonsense").exit_code, 0);

    const auto ranked = run_cli("indices " + example_table() + " --index dissimilarity --bootstrap 30 --randomisation 30"
                                " --rank --format json");
    ASSERT_EQ(ranked.exit_code, 0) << ranked.err;
    const auto doc = nlohmann::json::parse(ranked.out);
    ASSERT_EQ(doc.size(), 2u);
    const auto& top = doc[1]["rows"][0];
    EXPECT_EQ(top["rank"], 1);
    EXPECT_EQ(top["ranked"], "yes");
    EXPECT_GE(top["people"].get<double>(), 500.0);
    for (const auto& row : doc[1]["rows"])
        if (row["group"] == "Arab") {
            EXPECT_EQ(row["ranked"], "no");  // 331 people: D = 0.71 is mostly chance
            EXPECT_NE(row["reason"].get<std::string>().find("fewer than 500 people"), std::string::npos);
        }
}

TEST(Cli, TypologyCountsEveryArea) {
    const auto run = run_cli("typology " + example_table() + " --host WhiteBrit --summary --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::int64_t areas = 0;
    const auto doc = nlohmann::json::parse(run.out);
    for (const auto& row : doc["rows"]) areas += row["areas"].get<std::int64_t>();
    EXPECT_EQ(areas, 501);
    EXPECT_NE(run_cli("typology " + example_table()).exit_code, 0);  // --host is required
}

namespace {
std::string bedford_boundaries() {
    const char* env = std::getenv("COHESION_SHARED_DATA");
    return std::string(env && *env ? env : COHESION_DEFAULT_SHARED_DATA) + "/bedford/oa2011.geojson";
}
}  // namespace

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
    EXPECT_NE(mismatch.err.find("unknown group"), std::string::npos) << mismatch.err;
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

namespace {
std::string census_bundle() { return std::string(COHESION_EXAMPLE_DATA) + "/bedford/census2021_oa"; }
std::string lsoa2021() { return std::string(COHESION_EXAMPLE_DATA) + "/bedford/lsoa2021.geojson"; }
}  // namespace

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

TEST(CliReport, SelfContainedHtmlAndPdfWithProvenance) {
    const auto html = scratch_dir() / "report.html";
    const auto pdf = scratch_dir() / "report.pdf";
    const std::string data = COHESION_EXAMPLE_DATA;
    const auto run = run_cli("report " + example_table() + " --boundaries " + data + "/bedford/oa2011.geojson --town Bedford "
                             "--bootstrap 20 --permutations 99 --html " + html.string() + " --pdf " + pdf.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::ifstream in(html);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("Where Bedford's communities live"), std::string::npos);
    EXPECT_NE(text.find("<svg"), std::string::npos);
    EXPECT_NE(text.find("Open Government Licence"), std::string::npos);
    // The key figure names the ranking's top group with its bias-corrected D, interval and
    // rank interval, and the maps show that same group; the 331 Arab residents (D = 0.71,
    // mostly chance) are listed as not ranked (docs/inference.md).
    EXPECT_NE(text.find("<div class=\"v\">Bangladeshi</div><div class=\"l\">people live most apart (D = 0.68, 95% interval 0.6"), std::string::npos);
    EXPECT_NE(text.find("Maps of Bangladeshi (the group ranked as living most apart)"), std::string::npos);
    EXPECT_NE(text.find("Arab (fewer than 500 people)"), std::string::npos);
    EXPECT_EQ(text.find("<div class=\"v\">Arab</div>"), std::string::npos);
    // Provenance: the input's SHA-256 (checked against coreutils' sha256sum) and the command.
    const auto digest_file = scratch_dir() / "input.sha256";
    ASSERT_EQ(std::system(("sha256sum " + example_table() + " > " + digest_file.string()).c_str()), 0);
    const std::string digest = slurp(digest_file).substr(0, 64);
    EXPECT_NE(text.find(digest), std::string::npos) << digest;
    EXPECT_NE(text.find("command: " + std::string(COHESION_CLI) + " report " + example_table()), std::string::npos);
    // Self-contained: no scripts, stylesheets or images fetched from anywhere.
    for (const char* forbidden : {"<script", "<link", "src=\"http", "url(http", "@import"})
        EXPECT_EQ(text.find(forbidden), std::string::npos) << forbidden;
    // Figures are inline SVGs in one page: their glyph/clip ids must not collide, or later
    // figures draw earlier figures' glyphs.
    std::set<std::string> ids;
    for (auto at = text.find(" id=\""); at != std::string::npos; at = text.find(" id=\"", at + 1)) {
        const auto end = text.find('"', at + 5);
        EXPECT_TRUE(ids.insert(text.substr(at + 5, end - at - 5)).second) << text.substr(at + 5, end - at - 5);
    }
    EXPECT_GT(ids.size(), 10u);
    std::ifstream p(pdf, std::ios::binary);
    std::string head(5, '\0');
    p.read(head.data(), 5);
    EXPECT_EQ(head, "%PDF-");
    const auto none = run_cli("report " + example_table());
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_NE(none.err.find("--html"), std::string::npos) << none.err;
}

TEST(CliRun, BundledBedfordProjectWritesEveryOutputAndTheReport) {
    const std::string path = std::string(COHESION_EXAMPLE_DATA) + "/bedford/bedford.toml";
    const auto out = scratch_dir() / "run_out";
    const auto dry = run_cli("run --dry-run " + path + " --output " + out.string());
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("cohesion report"), std::string::npos);
    const auto run = run_cli("run " + path + " --output " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    for (const char* f : {"indices.csv", "local.csv", "hotspots_Pakistani.gpkg", "enclaves_Pakistani.geojson", "change.json",
                          "change.geojson", "segregation_change.json", "emerging_Asian.geojson", "esol_need.json",
                          "hubs.geojson", "licensing.gpkg", "report.html", "report.pdf", "run.json"})
        EXPECT_TRUE(std::filesystem::exists(out / f)) << f;
    std::ifstream report(out / "report.html");
    const std::string html((std::istreambuf_iterator<char>(report)), std::istreambuf_iterator<char>());
    EXPECT_NE(html.find("Change over time"), std::string::npos);
    EXPECT_NE(html.find("Targeting: integration hubs"), std::string::npos);
    std::size_t figures = 0;
    for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++figures;
    EXPECT_EQ(figures, 12u);  // 2 charts, 6 town maps, maps of pace, ESOL score, hubs, licensing zones
    // Built in a staging folder (issue 11 item 11), but provenance names the final folder:
    // change.json read the harmonised table from the staging folder and says so in its notes.
    for (const char* f : {"change.json", "segregation_change.json", "report.html", "run.json"}) {
        std::ifstream in(out / f);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_EQ(text.find(".staging-"), std::string::npos) << f;
    }
    EXPECT_NE(html.find("loaded " + (out / "change_earlier_on_later.csv").string()), std::string::npos);

    const auto bad = scratch_dir() / "bad.toml";
    std::ofstream(bad) << "[table]\npath = \"" << example_table() << "\"\n[analyses]\nhotspot = [\"A\"]\n";
    const auto failed = run_cli("run " + bad.string());
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_NE(failed.err.find("bad.toml:4"), std::string::npos) << failed.err;
    EXPECT_NE(failed.err.find("unknown key"), std::string::npos) << failed.err;
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

TEST(CliOutput, SeveralOutputsFromOneRunOrNone) {
    const auto dir = scratch_dir();
    const auto json = dir / "lic.json", csv = dir / "lic.csv", layer = dir / "lic.geojson";
    const auto run = run_cli("target licensing --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " +
                             lsoa2021() + " -o " + json.string() + " -o " + csv.string() + " -o " + layer.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(slurp(json))[1]["rows"].size(),
              nlohmann::json::parse(slurp(layer))["features"].size());
    EXPECT_EQ(slurp(csv).rfind("zone,areas,", 0), 0u) << slurp(csv).substr(0, 80);
    // A map layer where the command has no polygons: refused before any file is written.
    const auto a = dir / "a.csv", b = dir / "b.geojson";
    const auto bad = run_cli("indices " + example_table() + " -o " + a.string() + " -o " + b.string());
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("writes no per-area map layer"), std::string::npos) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(a));
    EXPECT_FALSE(std::filesystem::exists(b));
}
