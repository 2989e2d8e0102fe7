// basic commands (help, info, indices, decompose, local, compare, typology) through the real binary (split by topic from the old cli_test.cpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

TEST(Cli, EveryCommandHasHelp) {
    for (const char* command : {"", "info", "indices", "local", "decompose", "multilevel", "compare", "typology", "weights", "spatial", "profile", "hotspots", "enclaves", "harmonise", "change", "docs", "findings"}) {
        const auto run = run_cli(std::string(command) + " --help");
        EXPECT_EQ(run.exit_code, 0) << command << ": " << run.err;
        EXPECT_NE(run.out.find("Usage"), std::string::npos) << command;
    }
}

// `findings` (the CLI twin of /api/findings, compared in tests/server) names what it needs.
TEST(Cli, FindingsNeedAProjectOrATown) {
    const auto none = run_cli("findings");
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_NE(none.err.find("give a project file or --town NAME"), std::string::npos) << none.err;
    const auto help = run_cli("findings --help");
    EXPECT_NE(help.out.find("/api/findings"), std::string::npos) << help.out;
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
    EXPECT_EQ(doc[1]["rows"][4]["group_name"], "SouthAsian");
    EXPECT_EQ(doc[1]["rows"][4]["count"], 8122.0 + 3270 + 3225);
}

TEST(Cli, ErrorsGoToStderrWithNonZeroExit) {
    const auto missing = run_cli("info /nonexistent.csv");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_TRUE(missing.out.empty());
    EXPECT_NE(missing.err.find("/nonexistent.csv: cannot open file"), std::string::npos);

    const auto group = run_cli("indices " + example_table() + " --group Martian");
    EXPECT_EQ(group.exit_code, 1);
    EXPECT_NE(group.err.find("option '--group': group 'Martian' is not in the table (groups: WhiteBrit"), std::string::npos)
        << group.err;

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
    EXPECT_EQ(csv.rfind("index_name,kind,focal,versus,value\n", 0), 0u) << csv;
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
    EXPECT_EQ(run.out.rfind("area,population,local_segregation,local_segregation_population_share\nE00088132,298,0.0635762514", 0), 0u);
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
        if (row["group_name"] == "Arab") {
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
