#include "core/table_operations.hpp"

#include <gtest/gtest.h>

#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "io/wide_csv_loader.hpp"
#include "support/bedford.hpp"

using namespace cohesion;

namespace {
Table toy() {
    return parse_wide_csv(
        "OA,LSOA,LAD,Persons,A,B,C\n"
        "o1,l1,X,10,2,3,4\n"
        "o2,l1,X,6,1,1,4\n"
        "o3,l2,Y,5,0,5,0\n"
        "o4,l2,Y,0,0,0,0\n",
        "toy.csv");
}
}  // namespace

TEST(TableOperations, FilterKeepsMatchingAreasAndExplainsMisses) {
    const Table t = filter_areas(toy(), "LAD=Y");
    ASSERT_EQ(t.areas(), 2u);
    EXPECT_EQ(t.area_codes()[0], "o3");
    EXPECT_EQ(t.declared_total()[0], 5.0);
    try {
        filter_areas(toy(), "LAD", "Z");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no area has LAD = 'Z' (values look like: X, Y)"), std::string::npos);
    }
    EXPECT_THROW(filter_areas(toy(), "LADY"), Error);
    EXPECT_THROW(filter_areas(toy(), "Ward=Y"), Error);
}

TEST(TableOperations, FilterIgnoresCaseTakesSeveralValuesAndSuggests) {
    EXPECT_EQ(filter_areas(toy(), "LAD=y").areas(), 2u);        // no exact match: case ignored
    EXPECT_EQ(filter_areas(toy(), "LAD=X,Y").areas(), 4u);      // several values
    EXPECT_EQ(filter_areas(toy(), "LAD=y, x").areas(), 4u);
    EXPECT_EQ(filter_areas(toy(), "LSOA=l2,l2").areas(), 2u);   // a repeat keeps each area once
    const Table both = filter_areas(toy(), "LAD=Y,X");
    EXPECT_EQ(both.area_codes()[0], "o1");                       // the table's order, not the values'
    try {
        filter_areas(toy(), "LAD=X,Q");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no area has LAD = 'Q'"), std::string::npos) << e.what();
    }
    // A whole value with a comma is matched before the value is split.
    const Table bristol = filter_areas(parse_wide_csv("OA,LAD,A\no1,\"Bristol, City of\",1\no2,Bath,2\n", "b.csv"),
                                       "LAD=Bristol, City of");
    EXPECT_EQ(bristol.areas(), 1u);
    try {
        filter_areas(parse_wide_csv("OA,LAD,A\no1,Bedford,1\no2,Luton,2\n", "t.csv"), "LAD=Bedfrod");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean 'Bedford'?"), std::string::npos) << e.what();
    }
}

TEST(TableOperations, AggregateSumsAndKeepsCoarserLevels) {
    const Table t = aggregate(toy(), "LSOA");
    ASSERT_EQ(t.areas(), 2u);
    EXPECT_EQ(t.area_codes()[0], "l1");
    EXPECT_EQ(t.count(0, 0), 3.0);
    EXPECT_EQ(t.count(0, 2), 8.0);
    EXPECT_EQ(t.declared_total()[0], 16.0);
    ASSERT_NE(t.find_level("LAD"), nullptr);
    EXPECT_EQ(t.level("LAD").labels[1], "Y");
    EXPECT_EQ(t.find_level("LSOA"), nullptr);
}

TEST(TableOperations, BedfordAggregatesToLsoaTotals) {
    const Table lsoa = aggregate(test::bedford_oa_2011(), "LSOA");
    EXPECT_EQ(lsoa.areas(), 103u);
    double persons = 0.0;
    for (double v : lsoa.declared_total()) persons += v;
    EXPECT_EQ(persons, 157479.0);
    EXPECT_EQ(aggregate(test::bedford_oa_2011(), "MSOA").areas(), 20u);
}

TEST(TableOperations, MergeReplacesMembersAtFirstPosition) {
    const Table t = merge_groups(toy(), "AC=A+C");
    ASSERT_EQ(t.groups(), 2u);
    EXPECT_EQ(t.group_names()[0], "AC");
    EXPECT_EQ(t.group_names()[1], "B");
    EXPECT_EQ(t.count(0, 0), 6.0);
    EXPECT_THROW(merge_groups(toy(), "AC=A+Nope"), Error);
    EXPECT_THROW(merge_groups(toy(), "AC=A+A"), Error);
    EXPECT_THROW(merge_groups(toy(), "A+C"), Error);
    EXPECT_THROW(merge_groups(toy(), "B=A+C"), Error);
}

TEST(TableOperations, SelectKeepsTotalSoRestMeansEveryoneElse) {
    const Table t = select_groups(toy(), {"C", "A"});
    ASSERT_EQ(t.groups(), 2u);
    EXPECT_EQ(t.group_names()[0], "C");
    EXPECT_EQ(t.declared_total()[0], 10.0);
    const CountMatrix m = two_group_vs_rest(t, "A");
    EXPECT_EQ(m.at(0, 1), 8.0);  // 10 persons - 2 A
    EXPECT_THROW(select_groups(toy(), {"A", "A"}), Error);
}

TEST(TableOperations, ResidualIsTotalMinusGroups) {
    const Table t = add_residual_group(toy(), "Other");
    ASSERT_EQ(t.groups(), 4u);
    EXPECT_EQ(t.count(0, 3), 1.0);
    EXPECT_EQ(t.count(1, 3), 0.0);
    const Table bedford = add_residual_group(test::bedford_oa_2011(), "GypsyTraveller");
    double residual = 0.0;
    for (double v : bedford.column(14)) residual += v;
    EXPECT_EQ(residual, 115.0);
}

TEST(CountMatrix, ZeroPopulationUnitsAreDroppedAndCounted) {
    const CountMatrix m = multigroup(toy());
    EXPECT_EQ(m.units, 3u);
    EXPECT_EQ(m.dropped_units, 1u);
    EXPECT_EQ(m.unit_rows[2], 2u);
    EXPECT_EQ(m.grand_total, 20.0);  // sum of listed groups, not Persons
    const CountMatrix two = two_group_vs_rest(toy(), "A");
    EXPECT_EQ(two.grand_total, 21.0);  // Persons
    EXPECT_EQ(two.group_totals[0], 3.0);
    const CountMatrix pair = two_group_pair(toy(), "A", "B");
    EXPECT_EQ(pair.grand_total, 12.0);
    EXPECT_THROW(two_group_pair(toy(), "A", "A"), Error);
    EXPECT_THROW(two_group_vs_rest(filter_areas(toy(), "LAD=Y"), "A"), Error);  // group absent
}

TEST(CountMatrix, AllZeroTableIsAnError) {
    const Table t = parse_wide_csv("code,A,B\nx,0,0\ny,0,0\n", "z.csv");
    try {
        multigroup(t);
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("every area has zero population"), std::string::npos);
    }
}
