// `cohesion atlas` on a few LADs (--where keeps it fast): its values equal `cohesion indices`
// for each LAD, its files are identical for the threads-only run, `mpirun -n 1` and
// `mpirun -n 2`, and a rank killed mid-run leaves no atlas folder.
#include <gtest/gtest.h>

#include <filesystem>

#include "plain_field_names.hpp"
#include "run_cli.hpp"

namespace cohesion::test {
namespace {

std::string national() {
    const char* env = std::getenv("COHESION_SHARED_DATA");
    return std::string(env && *env ? env : COHESION_DEFAULT_SHARED_DATA) + "/ew2011_oa_ethnicity.csv.gz";
}

std::string schemes() { return std::string(COHESION_EXAMPLE_DATA) + "/schemes"; }

const std::string few = " --where 'LAD=Bedford,Luton,Watford,City of London' --bootstrap 4 --randomisation 3 --peers 2 ";

std::vector<std::string> csv_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

std::string field(const std::string& line, std::size_t k) {  // no quoted commas in these rows
    std::size_t start = 0;
    for (std::size_t i = 0; i < k; ++i) start = line.find(',', start) + 1;
    return line.substr(start, line.find(',', start) - start);
}

// The atlas's `lad` row for D of `group` in `dissimilarity.csv` equals `cohesion indices
// TABLE_OPTIONS --where SELECT` run with that row's seed (estimate col 7, ci 9/10, expected
// if random 11, seed 21), with the atlas's bootstrap 4 and randomisation 3.
void expect_d_row_equals_indices(const std::vector<std::string>& lines, const std::string& lad,
                                 const std::string& group, const std::string& table_options, const std::string& select) {
    for (const auto& line : lines) {
        if (line.rfind(lad + ",", 0) != 0 || field(line, 4) != group) continue;
        const CliRun single = run_cli("indices " + table_options + " --where " + select +
                                      " -i dissimilarity,isolation,mutual_information,information_theory "
                                      "--no-simulated --bootstrap 4 --randomisation 3 --format csv --seed " +
                                      field(line, 21));
        ASSERT_EQ(single.exit_code, 0) << single.err;
        for (const auto& s : csv_lines(single.out)) {
            if (s.rfind("dissimilarity,two-group," + group + ",", 0) != 0) continue;
            EXPECT_DOUBLE_EQ(std::stod(field(s, 4)), std::stod(field(line, 7)));    // estimate
            EXPECT_DOUBLE_EQ(std::stod(field(s, 7)), std::stod(field(line, 9)));    // ci_lower
            EXPECT_DOUBLE_EQ(std::stod(field(s, 8)), std::stod(field(line, 10)));   // ci_upper
            EXPECT_DOUBLE_EQ(std::stod(field(s, 10)), std::stod(field(line, 11)));  // expected_if_random
            return;
        }
        FAIL() << "no " << group << " row in\n" << single.out;
    }
    FAIL() << "no " << lad << " " << group << " row";
}

TEST(CliAtlas, ValuesEqualTheSingleTownCommandAndFilesAreComplete) {
    const auto out = scratch_dir() / "atlas_a";
    const CliRun run = run_cli("atlas " + national() + few + "--schemes " + schemes() + " --out " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    for (const char* f : {"dissimilarity.csv", "isolation.csv", "mutual_information.csv", "decomposition.csv",
                          "peers.csv", "towns.csv", "notes.txt", "atlas.gpkg", "change.csv"})
        EXPECT_TRUE(std::filesystem::exists(out / f)) << f;
    // Field names an analyst can use unquoted: the seven CSVs and the GeoPackage (issue 13 §5).
    EXPECT_EQ(expect_plain_output_fields(out), 8u);
    // The change table: one row per LAD, its parts adding up to the change in M.
    const auto change = csv_lines(slurp(out / "change.csv"));
    ASSERT_EQ(change.size(), 1u + 4u);
    EXPECT_EQ(change[0].rfind("lad,code,region,areas_2021,people_2011,people_2021,M_2011,M_2021,M_change,", 0), 0u)
        << change[0];
    for (std::size_t i = 1; i < change.size(); ++i) {
        double parts = 0.0;
        for (std::size_t k = 9; k <= 13; ++k) parts += std::stod(field(change[i], k));
        EXPECT_NEAR(parts, std::stod(field(change[i], 8)), 1e-12) << change[i];
        EXPECT_NEAR(std::stod(field(change[i], 7)) - std::stod(field(change[i], 6)), std::stod(field(change[i], 8)),
                    1e-15) << change[i];
    }
    const auto lines = csv_lines(slurp(out / "dissimilarity.csv"));
    ASSERT_EQ(lines.size(), 1u + 4u * 14u);
    expect_d_row_equals_indices(lines, "Bedford", "Pakistani", national(), "LAD=Bedford");
}

TEST(CliAtlas, TownResolutionAndErrors) {
    CliRun run = run_cli("atlas " + national() + " --town 'kingston upon hull, city of' --format csv");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("\"LAD=Kingston upon Hull, City of\""), std::string::npos) << run.out;
    EXPECT_EQ(run.out.rfind("name,code,area_filter\n", 0), 0u) << run.out;
    run = run_cli("atlas " + national() + " --town Bedfrod");
    EXPECT_NE(run.exit_code, 0);
    EXPECT_NE(run.err.find("nearest: Bedford"), std::string::npos) << run.err;
    run = run_cli("atlas " + national() + " --measures dissimilarty --out x");
    EXPECT_NE(run.exit_code, 0);
    EXPECT_NE(run.err.find("unknown measure"), std::string::npos) << run.err;
}

// The 2021 atlas: Census 2021 LTLAs from the OA percentage tables; a LAD's row equals
// `cohesion indices` on the same tables filtered to it, with the seed of its row.
TEST(CliAtlas, Census2021AtlasEqualsTheSingleTownCommand) {
    const auto out = scratch_dir() / "atlas2021";
    const std::string shared = national().substr(0, national().rfind('/'));
    const CliRun atlas = run_cli("atlas --census 2021 --where 'LAD=Bedford,Luton' --bootstrap 4 --randomisation 3 "
                                 "--peers 1 --boundaries " + shared + "/ew_boundaries/ltla2021.gpkg --out " +
                                 out.string(),
                                 "COHESION_SHARED_DATA=" + shared);
    ASSERT_EQ(atlas.exit_code, 0) << atlas.err;
    EXPECT_FALSE(std::filesystem::exists(out / "change.csv"));
    EXPECT_TRUE(std::filesystem::exists(out / "atlas.gpkg"));
    const auto lines = csv_lines(slurp(out / "dissimilarity.csv"));
    ASSERT_EQ(lines.size(), 1u + 2u * 5u);
    const auto towns = slurp(out / "towns.csv");
    EXPECT_NE(towns.find("Bedford,E06000055,,East of England,"), std::string::npos) << towns;
    const std::string oa = shared + "/ew2021_oa/";
    expect_d_row_equals_indices(lines, "Bedford", "asian",
                                oa + "ts021_ethnic5_pct.csv.gz --percent-of " + oa + "ts001.csv.gz --levels-from " + oa +
                                    "oa2021_lookup.csv.gz",
                                "lad22nm=Bedford");
}

#ifdef COHESION_TEST_MPIRUN
TEST(CliAtlas, IdenticalForThreadsAndOneAndTwoMpiRanks) {
    const auto base = scratch_dir();
    const CliRun threads = run_cli("atlas " + national() + few + "--boundaries none --out " + (base / "t").string());
    ASSERT_EQ(threads.exit_code, 0) << threads.err;
    for (int n : {1, 2}) {
        const auto out = base / ("mpi" + std::to_string(n));
        const CliRun run = run_under_mpirun(n, "atlas " + national() + few + "--boundaries none --out " + out.string());
        ASSERT_EQ(run.exit_code, 0) << run.err;
        EXPECT_NE(run.err.find(std::to_string(n) + " process"), std::string::npos) << run.err;
        for (const char* f : {"dissimilarity.csv", "isolation.csv", "mutual_information.csv", "decomposition.csv",
                              "peers.csv", "towns.csv"})
            EXPECT_EQ(slurp(out / f), slurp(base / "t" / f)) << f << " differs with " << n << " ranks";
    }
}

TEST(CliAtlas, AKilledRankLeavesNoAtlas) {
    const auto out = scratch_dir() / "killed";
    const CliRun run = run_under_mpirun(2, "atlas " + national() + few + "--boundaries none --out " + out.string(),
                                        "COHESION_ATLAS_KILL_RANK=1");
    EXPECT_NE(run.exit_code, 0);
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_NE((run.err + run.out).find("signal 9"), std::string::npos) << run.err << run.out;
}
#endif

}  // namespace
}  // namespace cohesion::test
