#include "io/percentage_counts.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "io/level_lookup.hpp"
#include "io/wide_csv_loader.hpp"

using namespace cohesion;

TEST(PercentageCounts, CountsAddUpToEachAreasTotalDespiteRounding) {
    const Table pct = parse_wide_csv("code,a_pct,b_pct\nx1,33.3,66.6\nx2,50,50\nx3,0,0\n", "pct.csv");
    const Table totals = parse_wide_csv("code,total,household\nx3,0,0\nx1,300,290\nx2,10,10\n", "ts001.csv");
    const Table t = counts_from_percentages(pct, totals, "total");
    ASSERT_EQ(t.groups(), 2u);
    EXPECT_EQ(t.group_names()[0], "a");  // _pct suffix dropped
    EXPECT_NEAR(t.count(0, 0), 300.0 * 33.3 / 99.9, 1e-12);
    EXPECT_NEAR(t.count(0, 0) + t.count(0, 1), 300.0, 1e-12);
    EXPECT_DOUBLE_EQ(t.count(1, 1), 5.0);
    EXPECT_DOUBLE_EQ(t.count(2, 0), 0.0);  // empty area, no percentages: fine
    EXPECT_EQ(t.declared_total()[0], 300.0);
    EXPECT_NE(t.history().back().find("estimated"), std::string::npos);
    // Another column of the totals table can be chosen.
    EXPECT_DOUBLE_EQ(counts_from_percentages(pct, totals, "household").count(1, 0), 5.0);
}

TEST(PercentageCounts, ErrorsNameTheAreaAndFile) {
    const Table totals = parse_wide_csv("code,total,household\nx1,10,10\n", "ts001.csv");
    auto message = [&](const std::string& csv, const std::string& column = "total") {
        try {
            counts_from_percentages(parse_wide_csv(csv, "pct.csv"), totals, column);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message("code,a,b\nx1,0,0\n").find("area x1 has 10 people but every percentage is 0"), std::string::npos);
    EXPECT_NE(message("code,a,b\nx1,120,0\n").find("not a percentage"), std::string::npos);
    EXPECT_NE(message("code,a,b\nx2,50,50\n").find("1 of 1 areas of pct.csv have no total"), std::string::npos);
    EXPECT_NE(message("code,a,b\nx1,50,50\n", "persons").find("no column 'persons'"), std::string::npos);
}

TEST(LevelLookup, AddsLevelsByCodeAndRefusesMissingAreas) {
    const auto path = std::filesystem::temp_directory_path() / "cohesion_level_lookup.csv";
    std::ofstream(path) << "oa,lsoa,lad\nx9,L9,Z\nx2,L1,Bedford\nx1,L1,Bedford\n";
    const Table t = add_levels_from(parse_wide_csv("code,a\nx1,1\nx2,2\n", "t.csv"), path.string());
    EXPECT_EQ(t.level("lad").labels[1], "Bedford");
    EXPECT_EQ(t.level("lsoa").labels[0], "L1");
    try {
        add_levels_from(parse_wide_csv("code,a\nx1,1\nx3,2\n", "t.csv"), path.string());
        ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("1 of 2 areas of t.csv are not in this lookup (e.g. x3)"), std::string::npos)
            << e.what();
    }
}
