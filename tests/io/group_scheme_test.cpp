#include "io/group_scheme.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "support/error_of.hpp"
#include "io/wide_csv_loader.hpp"

using namespace cohesion;

namespace {

std::string write_scheme(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("cohesion_scheme_" + name + ".csv");
    std::ofstream(path) << text;
    return path.string();
}

const Table& sample() {
    // Totals exceed the groups by 1 and 2: the `(rest)` residual.
    static const Table t = parse_wide_csv("code,total,A,B,C\nx1,10,3,4,2\nx2,9,1,1,5\n", "t.csv");
    return t;
}

}  // namespace

TEST(GroupScheme, MergesRenamesAndKeepsTargetOrder) {
    const auto s = load_group_scheme(write_scheme("ok", "# comment\nsource,target\nC,Big\nA,Small\nB,Small\n(rest),Big\n"));
    ASSERT_EQ(s.targets.size(), 2u);
    const Table t = apply_group_scheme(sample(), s);
    ASSERT_EQ(t.groups(), 2u);
    EXPECT_EQ(t.group_names()[0], "Big");
    EXPECT_EQ(t.group_names()[1], "Small");
    EXPECT_DOUBLE_EQ(t.count(0, 0), 3.0);  // C=2 + rest=1
    EXPECT_DOUBLE_EQ(t.count(1, 0), 7.0);  // C=5 + rest=2
    EXPECT_DOUBLE_EQ(t.count(0, 1), 7.0);
    EXPECT_DOUBLE_EQ(t.count(1, 1), 2.0);
}

TEST(GroupScheme, DropIsExplicitAndUnmappedGroupsAreAnError) {
    const auto drop = load_group_scheme(write_scheme("drop", "source,target\nA,A\nB,-\nC,C\n"));
    const Table t = apply_group_scheme(sample(), drop);
    ASSERT_EQ(t.groups(), 2u);
    EXPECT_EQ(t.group_names()[1], "C");

    const auto partial = load_group_scheme(write_scheme("partial", "source,target\nA,X\n"));
    const auto msg = error_of([&] { apply_group_scheme(sample(), partial); });
    EXPECT_NE(msg.find("2 groups of t.csv are not mapped"), std::string::npos) << msg;
    EXPECT_NE(msg.find("'B' (5 people)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("'C' (7 people)"), std::string::npos) << msg;
}

TEST(GroupScheme, ErrorsNameTheFileAndLine) {
    const auto unknown = load_group_scheme(write_scheme("unknown", "source,target\nA,X\nZ,X\nB,X\nC,X\n"));
    const auto msg = error_of([&] { apply_group_scheme(sample(), unknown); });
    EXPECT_NE(msg.find("cohesion_scheme_unknown.csv:3"), std::string::npos) << msg;
    EXPECT_NE(msg.find("'Z' is not in t.csv"), std::string::npos) << msg;

    const auto twice = error_of([] { load_group_scheme(write_scheme("twice", "source,target\nA,X\nA,Y\n")); });
    EXPECT_NE(twice.find(":3"), std::string::npos) << twice;
    EXPECT_NE(twice.find("mapped twice"), std::string::npos) << twice;

    const auto header = error_of([] { load_group_scheme(write_scheme("header", "from,to\nA,X\n")); });
    EXPECT_NE(header.find("source,target"), std::string::npos) << header;

    const auto empty = error_of([] { load_group_scheme(write_scheme("empty", "source,target\n")); });
    EXPECT_NE(empty.find("maps no group"), std::string::npos) << empty;
    const auto missing = error_of([] { load_group_scheme("/nonexistent/scheme.csv"); });
    EXPECT_NE(missing.find("/nonexistent/scheme.csv"), std::string::npos) << missing;
}

TEST(GroupScheme, ShippedSchemesMapTheBundledTablesOntoTheSameFiveGroups) {
    const std::string root = COHESION_EXAMPLE_DATA;
    const auto s2011 = load_group_scheme(root + "/schemes/ethnicity2011_broad5.csv");
    const auto s2021 = load_group_scheme(root + "/schemes/ethnicity2021_broad5.csv");
    EXPECT_EQ(s2011.targets, s2021.targets);
}
