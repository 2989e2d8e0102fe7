// Errors in the caller's terms (issue 12 §5): the same library error names the flag the
// user typed on the command line, and the key (with its line) in a project file. The API's
// query parameters are tested in tests/server/error_terms_api_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

namespace {

void expect_in(const std::string& text, const std::string& part) {
    EXPECT_NE(text.find(part), std::string::npos) << "expected \"" << part << "\" in:\n" << text;
}

}  // namespace

TEST(ErrorTerms, CommandLineNamesTheFlagTyped) {
    const std::string t = example_table();
    struct Case {
        std::string args, flag, text;
    };
    const std::vector<Case> cases = {
        {"indices " + t + " --index dissimilarity --group Martian", "--group", "group 'Martian' is not in the table"},
        {"indices " + t + " --index dissimilarity --group Pakistani --versus Martian", "--versus",
         "group 'Martian' is not in the table"},
        {"indices " + t + " --index dissimilarityy", "--index", "unknown index 'dissimilarityy'"},
        {"indices " + t + " --index dissimilarity --where Bedford", "--where", "expected LEVEL=VALUE"},
        {"indices " + t + " --index dissimilarity --aggregate Ward", "--aggregate", "unknown level"},
        {"indices " + t + " --index dissimilarity --merge Asian=Indian+Martian", "--merge", "group 'Martian'"},
        {"spatial " + t + " --boundaries " + std::string(COHESION_EXAMPLE_DATA) +
             "/bedford/oa2011.geojson --index spatial_dissimilarity --group Pakistani --weights knn:x",
         "--weights", "expected a positive number in 'knn:x'"},
        {"target esol --census " + census_bundle() + " --score-weights need=x", "--score-weights", "'x' is not a number"},
    };
    for (const auto& c : cases) {
        const auto run = run_cli(c.args);
        EXPECT_EQ(run.exit_code, 1) << c.args;
        expect_in(run.err, "option '" + c.flag + "': ");
        expect_in(run.err, c.text);
    }
}

TEST(ErrorTerms, ProjectFileNamesTheKeyAndItsLine) {
    const auto dir = scratch_dir() / "error_terms_project";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string data = COHESION_EXAMPLE_DATA;
    struct Case {
        std::string tail, key, line, text;  // keys after [table] path (line 4); the key expected, its line
    };
    const std::vector<Case> cases = {
        {"where = \"Bedford\"\n", "[table] where", "5", "expected LEVEL=VALUE"},
        {"aggregate = \"Ward\"\n", "[table] aggregate", "5", "unknown level"},
        {"merge = [\"Asian=Indian+Martian\"]\n", "[table] merge", "5", "group 'Martian' is not in the table"},
        {"[analyses]\nhotspots = [\"Martian\"]\n", "[analyses] hotspots", "6", "group 'Martian' is not in the table"},
        {"[analyses]\ntypology_host = \"Martians\"\n", "[analyses] typology_host", "6", "group 'Martians'"},
        {"[targeting]\ncensus = \"" + data + "/bedford/census2021_oa\"\nmodel = \"p-centre\"\n", "[targeting] model", "7",
         "unknown model 'p-centre'"},
    };
    for (const auto& c : cases) {
        const auto path = dir / "p.toml";
        std::ofstream(path) << "[project]\noutput = \"" << (dir / "out").string() << "\"\n[table]\npath = \""
                            << example_table() << "\"\n" << c.tail;
        const auto run = run_cli("run --dry-run " + path.string());
        EXPECT_EQ(run.exit_code, 1) << c.tail;
        expect_in(run.err, "project " + path.string() + ":" + c.line + ": " + c.key + ": ");
        expect_in(run.err, c.text);
        EXPECT_EQ(run.err.find("--"), std::string::npos) << run.err;  // no flag the writer never typed
    }
}
