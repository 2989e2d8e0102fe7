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
              "tot.csv:2: column 'total': total 1 is less than the sum of the group columns (2.000000)");
    EXPECT_EQ(error_of([] { parse_wide_csv("code,name\nx,y\n", "g.csv"); }),
              "g.csv:2: no group columns found (expected numeric count columns; name them with --groups)");
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
