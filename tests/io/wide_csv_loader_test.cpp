#include "io/wide_csv_loader.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "support/error_of.hpp"
#include "support/shared_data.hpp"

using namespace cohesion;

TEST(WideCsv, DefaultsPickIdGroupsLevelsAndTotal) {
    const Table t = parse_wide_csv("code,region,Persons,A,B\nx1,north,10,3,6\nx2,south,5,5,0\n", "t.csv");
    ASSERT_EQ(t.areas(), 2u);
    EXPECT_EQ(t.area_codes()[1], "x2");
    ASSERT_EQ(t.groups(), 2u);
    EXPECT_EQ(t.group_names()[0], "A");
    EXPECT_EQ(t.count(0, 1), 6.0);
    ASSERT_TRUE(t.has_declared_total());
    EXPECT_EQ(t.declared_total_name(), "Persons");
    EXPECT_EQ(t.declared_total()[0], 10.0);
    EXPECT_EQ(t.level("region").labels[1], "south");
    EXPECT_EQ(t.group_sum()[0], 9.0);
    EXPECT_EQ(t.unit_total()[0], 10.0);
}

TEST(WideCsv, ExplicitColumnsAndFractionalCounts) {
    WideCsvOptions o;
    o.id_column = "id";
    o.group_columns = {"B", "A"};
    o.total_column = "-";
    const Table t = parse_wide_csv("A,id,B,other\n1.5,a,2.25,7\n", "t.csv", o);
    ASSERT_EQ(t.groups(), 2u);
    EXPECT_EQ(t.group_names()[0], "B");
    EXPECT_DOUBLE_EQ(t.count(0, 1), 1.5);
    EXPECT_FALSE(t.has_declared_total());
}

TEST(WideCsv, QuotedFieldsCrLfAndBom) {
    const Table t = parse_wide_csv("\xEF\xBB\xBF" "code,LAD,A,B\r\nx1,\"Bristol, City of\",1,2\r\nx2,\"He said \"\"hi\"\"\",3,4\r\n",
                                   "t.csv");
    EXPECT_EQ(t.level("LAD").labels[0], "Bristol, City of");
    EXPECT_EQ(t.level("LAD").labels[1], "He said \"hi\"");
    EXPECT_EQ(t.count(1, 1), 4.0);
}

TEST(WideCsv, BadInputNamesFileLineAndColumn) {
    EXPECT_EQ(error_of([] { parse_wide_csv("", "e.csv"); }), "e.csv:1: empty file (expected a header line)");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,A\n", "h.csv"); }), "h.csv:2: no data rows after the header");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,A,B\nx,1,2\ny,3\n", "r.csv"); }),
              "r.csv:3: expected 3 fields (as in the header), found 2");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,A,B\nx,1,2\ny,3,-4\n", "n.csv"); }),
              "n.csv:3: column 'B': negative count -4 (expected a non-negative count)");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,A,B\nx,1,2\ny,3,abc\n", "s.csv"); }),
              "s.csv:3: column 'B': 'abc' is not a number (expected a non-negative count)");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,A,B\nx,1,2\ny,nan,1\n", "nan.csv"); }),
              "nan.csv:3: column 'A': 'nan' is not a finite number (expected a non-negative count)");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,A,B\nx,1,2\ny,,1\n", "m.csv"); }),
              "m.csv:3: column 'A': missing value (expected a non-negative count)");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,A,B\nx,1,2\nx,3,1\n", "d.csv"); }),
              "d.csv:3: column 'code': duplicate area code 'x' (first seen on line 2)");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,A,A\nx,1,2\n", "dup.csv"); }),
              "dup.csv:1: column 'A': duplicate column name in header");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,\"A,1\n", "q.csv"); }),
              "q.csv:1: unterminated quoted field (expected a closing '\"')");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,total,A\nx,1,2\n", "tot.csv"); }),
              "tot.csv:2: column 'total': total 1 is less than the sum of the group columns (2)");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,name\nx,y\n", "g.csv"); }),
              "g.csv:2: no group columns found (expected numeric count columns; name them with groups)");
    WideCsvOptions o;
    o.group_columns = {"Nope"};
    EXPECT_EQ(error_of([&] { parse_wide_csv("code,A\nx,1\n", "u.csv", o); }),
              "u.csv:1: column 'Nope': unknown group column; the header has: code, A");
}

TEST(WideCsv, GzipFileAndMissingFile) {
    const auto path = test::shared_data_dir() / "ew2011_lsoa_ethnicity.csv.gz";
    const Table t = load_wide_csv(path.string());
    EXPECT_EQ(t.areas(), 34753u);
    EXPECT_EQ(t.groups(), 14u);
    double persons = 0.0;
    for (double v : t.declared_total()) persons += v;
    EXPECT_EQ(persons, 56075912.0);
    EXPECT_NE(error_of([] { load_wide_csv("/nonexistent/x.csv"); }).find("/nonexistent/x.csv: cannot open file"),
              std::string::npos);
}

TEST(WideCsv, NationalOutputAreaFileMatchesDocumentedTotals) {
    const Table t = load_wide_csv((test::shared_data_dir() / "ew2011_oa_ethnicity.csv.gz").string());
    ASSERT_EQ(t.areas(), 181408u);
    ASSERT_EQ(t.groups(), 14u);
    double pakistani = 0.0;
    for (double v : t.column(t.group_index("Pakistani"))) pakistani += v;
    EXPECT_EQ(pakistani, 1124511.0);
    double listed = 0.0;
    for (double v : t.group_sum()) listed += v;
    EXPECT_EQ(listed, 56018232.0);
    EXPECT_EQ(t.level("LAD").labels.size(), 181408u);
}

// Issue 11 item 15: a typo in the FIRST data row turned the Irish count column into a
// hierarchy level and its 1,683 people vanished with exit 0 (the same typo on a later
// row was already an error).
TEST(WideCsv, TextInTheFirstRowOfACountColumnIsAnError) {
    const std::string text = "code,LAD,WhiteBrit,Irish\nx1,Bedford,10,x\nx2,Bedford,5,4\nx3,Bedford,7,9\n";
    const auto message = error_of([&] { parse_wide_csv(text, "t.csv"); });
    EXPECT_NE(message.find("t.csv:2: column 'Irish': expected a count, got 'x'"), std::string::npos) << message;
    EXPECT_NE(message.find("numbers in 2 of 3 rows"), std::string::npos) << message;
    // An empty first cell likewise.
    const auto empty = error_of([] { parse_wide_csv("code,A,B\nx1,,1\nx2,3,4\nx3,5,6\n", "e.csv"); });
    EXPECT_NE(empty.find("e.csv:2: column 'A': expected a count, got an empty cell"), std::string::npos) << empty;
    // A real text level (numbers in no more than half its rows) is still a level.
    const Table t = parse_wide_csv("code,ward,A\nx1,North,1\nx2,12,2\nx3,South,3\n", "w.csv");
    EXPECT_EQ(t.level("ward").labels[1], "12");
    EXPECT_EQ(t.groups(), 1u);
    // With --group-columns, an unchosen mostly-numeric column is left out rather than an error or a level.
    WideCsvOptions chosen;
    chosen.group_columns = {"WhiteBrit"};
    const Table c = parse_wide_csv(text, "t.csv", chosen);
    EXPECT_EQ(c.groups(), 1u);
    EXPECT_EQ(c.find_level("Irish"), nullptr);
    EXPECT_NE(c.find_level("LAD"), nullptr);
}

// Issue 11 item 18: 1e308 printed as a 309-digit number.
TEST(WideCsv, HugeNumbersInMessagesAreCompact) {
    const auto finite = error_of([] { parse_wide_csv("code,total,A\nx1,1,1e308\n", "h.csv"); });
    EXPECT_NE(finite.find("(1e+308)"), std::string::npos) << finite;
    EXPECT_LT(finite.size(), 200u) << finite;
}

// Issue 11 item 17: 10^6 columns took over two minutes (quadratic duplicate check).
// Wide headers are now linear, and capped.
TEST(WideCsv, WideHeadersAreLinearAndCapped) {
    auto wide = [](std::size_t groups) {
        std::string header = "code", row = "x1";
        for (std::size_t g = 0; g < groups; ++g) {
            header += ",g" + std::to_string(g);
            row += ",1";
        }
        return header + "\n" + row + "\n";
    };
    const Table t = parse_wide_csv(wide(50000), "wide.csv");
    EXPECT_EQ(t.groups(), 50000u);
    EXPECT_EQ(t.group_index("g49999"), 49999u);
    const auto message = error_of([&] { parse_wide_csv(wide(200000), "huge.csv"); });
    EXPECT_NE(message.find("huge.csv:1: the header has 200001 columns; at most 100000 are supported"), std::string::npos)
        << message.substr(0, 200);
    // Unknown names list a few columns, not fifty thousand.
    WideCsvOptions o;
    o.group_columns = {"nope"};
    const auto unknown = error_of([&] { parse_wide_csv(wide(50000), "wide.csv", o); });
    EXPECT_LT(unknown.size(), 1000u);
    EXPECT_NE(unknown.find("(50001 columns)"), std::string::npos) << unknown;
}

// Issue 11 item 18: a folder given as the table said "file is larger than the input size limit".
TEST(WideCsv, FolderAsInputIsNamedAsSuch) {
    const auto message = error_of([] { load_wide_csv(std::string(COHESION_EXAMPLE_DATA) + "/bedford"); });
    EXPECT_NE(message.find("is a folder; expected a file"), std::string::npos) << message;
}
