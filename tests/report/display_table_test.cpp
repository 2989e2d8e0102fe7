// The report's display step: data-file columns and values become people's words.
#include "report/display_table.hpp"

#include <gtest/gtest.h>

namespace cohesion {
namespace {

ResultTable ranking() {
    ResultTable t;
    t.title = "Who lives most apart";
    t.columns = {"rank", "group_name", "people", "share", "dissimilarity", "ci_lower", "ci_upper", "rank_lower",
                 "rank_upper", "p_value", "ranked"};
    t.add_row({std::int64_t{1}, std::string("Bangladeshi"), std::int64_t{3225}, 0.0204939, 0.679977, 0.670983, 0.689467,
               std::int64_t{1}, std::int64_t{2}, 0.00990099, std::string("yes")});
    t.add_row({std::string("-"), std::string("WhiteBrit"), std::int64_t{112588}, 0.715462, 0.391386, 0.386971, 0.395557,
               std::string("-"), std::string("-"), 0.0004, std::string("no")});
    return t;
}

TEST(DisplayTable, HeadingsInWordsAndIntervalsMerged) {
    const DisplayTable d = display_table(ranking(), 25);
    const std::vector<std::string> expected = {"Rank (95 % interval)", "Group",   "Residents",
                                               "Share of residents",   "Dissimilarity (bias-corrected)",
                                               "95 % interval",        "p-value", "Ranked"};
    EXPECT_EQ(d.headings, expected);
    ASSERT_EQ(d.rows.size(), 2u);
    EXPECT_EQ(d.rows[0][0], "1 (1–2)");
    EXPECT_EQ(d.rows[1][0], "-");  // the analysis's own "not ranked" mark
    EXPECT_EQ(d.rows[0][5], "0.671–0.689");
    EXPECT_EQ(d.rows[0][4], "0.680");
    EXPECT_EQ(d.rows[0][6], "0.010");
    EXPECT_EQ(d.rows[1][6], "< 0.001");
}

TEST(DisplayTable, SharesAsPercentCountsWithSeparatorsGroupsAsLabels) {
    const DisplayTable d = display_table(ranking(), 25);
    EXPECT_EQ(d.rows[0][3], "2.0 %");
    EXPECT_EQ(d.rows[1][3], "71.5 %");
    EXPECT_EQ(d.rows[1][2], "112,588");
    EXPECT_EQ(d.rows[1][1], "White British");
    EXPECT_FALSE(d.numeric[1]);  // text columns are left-aligned
    EXPECT_TRUE(d.numeric[2]);
}

TEST(DisplayTable, NarrowTablesShowTheCensusCategory) {
    ResultTable t;
    t.columns = {"group_name", "people", "share"};
    t.add_row({std::string("Pakistani"), std::int64_t{3270}, 0.0207798});
    const DisplayTable d = display_table(t, 25);
    EXPECT_EQ(d.rows[0][0], "Asian/Asian British: Pakistani");
    EXPECT_EQ(d.rows[0][1], "3,270");
    EXPECT_EQ(d.rows[0][2], "2.1 %");
}

TEST(DisplayTable, FloatNoiseIsZeroAndUnknownColumnsReadable) {
    ResultTable t;
    t.columns = {"component", "value", "odd_measure_name"};
    t.add_row({std::string("additions"), -9.71445e-17, 3.5e-18});
    t.add_row({std::string("group_marginal"), 0.0106749, 1234.5});
    const DisplayTable d = display_table(t, 25);
    EXPECT_EQ(d.headings[2], "Odd measure name");
    EXPECT_EQ(d.rows[0][1], "0");
    EXPECT_EQ(d.rows[0][2], "0");
    EXPECT_EQ(d.rows[1][0], "Composition (group sizes)");
    EXPECT_EQ(d.rows[1][1], "0.011");
    EXPECT_EQ(d.rows[1][2], "1,235");
}

TEST(DisplayTable, YearsReplaceAAndB) {
    ResultTable t;
    t.title = "Comparison of segregation indices (B - A)";
    t.columns = {"group_name", "count_a", "share_b", "White_share_a", "White_change_pp", "A"};
    t.add_row({std::string("White"), 126846.0, 0.756749, 0.805479, -4.87295, 0.08});
    const DisplayTable d = display_table(t, 25, DisplayOptions{"2011", "2021", ""});
    EXPECT_EQ(d.title, "Comparison of segregation indices (2021 minus 2011)");
    EXPECT_EQ(d.headings[1], "Residents 2011");
    EXPECT_EQ(d.headings[2], "Share 2021");
    EXPECT_EQ(d.headings[3], "White share 2011");
    EXPECT_EQ(d.headings[4], "White change (points)");
    EXPECT_EQ(d.headings[5], "2011");
    EXPECT_EQ(d.rows[0][1], "126,846");
    EXPECT_EQ(d.rows[0][4], "-4.9");
}

TEST(DisplayTable, YearsInALabelColumnHaveNoSeparator) {
    ResultTable t;
    t.columns = {"scenario", "year", "value", "low", "high"};
    t.add_row({std::string("baseline"), std::int64_t{2031}, 0.259427, 0.256515, 0.263102});
    const DisplayTable d = display_table(t, 25);
    EXPECT_EQ(d.rows[0][1], "2031");
    EXPECT_EQ(d.headings[3], "Range");
    EXPECT_EQ(d.rows[0][3], "0.257–0.263");
}

TEST(DisplayTable, ShareIntervalsCarryOneUnit) {
    ResultTable t;
    t.columns = {"need_rate", "need_rate_lower", "need_rate_upper"};
    t.add_row({0.184492, 0.139424, 0.213968});
    const DisplayTable d = display_table(t, 25);
    EXPECT_EQ(d.headings, (std::vector<std::string>{"Need rate", "Need rate (95 % interval)"}));
    EXPECT_EQ(d.rows[0][0], "18.4 %");
    EXPECT_EQ(d.rows[0][1], "13.9–21.4 %");
}

TEST(DisplayTable, KindSetByTheAnalysisWins) {
    ResultTable t;
    t.columns = {"people"};
    t.add_row({0.25});
    t.set_kind("people", ColumnKind::share);
    EXPECT_EQ(display_table(t, 25).rows[0][0], "25.0 %");
}

TEST(DisplayTable, NotesLoseTheMachinesAbsolutePaths) {
    const DisplayOptions o{"", "", "/home/me/cohesion"};
    EXPECT_EQ(display_paths("loaded /home/me/cohesion/data/bedford/oa.csv (wide layout)", o),
              "loaded data/bedford/oa.csv (wide layout)");
    EXPECT_EQ(display_paths("A: /elsewhere/x/lookup.csv, done", o), "A: lookup.csv, done");
    EXPECT_EQ(display_paths("ratio 1/2 and TS029 (a / b)", o), "ratio 1/2 and TS029 (a / b)");
}

}  // namespace
}  // namespace cohesion
