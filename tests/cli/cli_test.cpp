#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

TEST(Cli, EveryCommandHasHelp) {
    for (const char* command : {"", "info", "indices", "local", "decompose", "compare", "docs"}) {
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
