#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/long_csv_loader.hpp"
#include "io/ons_bulk_loader.hpp"
#include "io/table_input.hpp"

using namespace cohesion;

TEST(LongCsv, PivotsAndTreatsMissingPairsAsZero) {
    const Table t = parse_long_csv("area,group,count\na1,X,3\na1,Y,4\na2,Y,1.5\n", "l.csv");
    ASSERT_EQ(t.areas(), 2u);
    ASSERT_EQ(t.groups(), 2u);
    EXPECT_EQ(t.count(0, 0), 3.0);
    EXPECT_EQ(t.count(1, 0), 0.0);
    EXPECT_EQ(t.count(1, 1), 1.5);
}

TEST(LongCsv, RepeatedPairIsAnError) {
    try {
        parse_long_csv("area,group,count\na1,X,3\na1,X,4\n", "l.csv");
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "l.csv:3: column 'group': area 'a1' has group 'X' twice (first on line 2)");
    }
}

TEST(OnsBulk, LeafCategoriesBecomeShortNamedGroups) {
    // Header names contain commas, so in a real file they are quoted.
    std::string quoted;
    {
        // Re-quote every heading containing a comma, as the ONS files do.
        std::vector<std::string> names = {"date", "geography", "geography code",
                                          "Ethnic group: Total: All usual residents",
                                          "Ethnic group: Asian, Asian British or Asian Welsh",
                                          "Ethnic group: Asian, Asian British or Asian Welsh: Bangladeshi",
                                          "Ethnic group: Asian, Asian British or Asian Welsh: Indian",
                                          "Ethnic group: White",
                                          "Ethnic group: White: English, Welsh, Scottish, Northern Irish or British",
                                          "Ethnic group: White: Irish"};
        for (std::size_t i = 0; i < names.size(); ++i)
            quoted += (i ? "," : "") + (names[i].find(',') != std::string::npos ? "\"" + names[i] + "\"" : names[i]);
        quoted += "\n";
    }
    const std::string text = quoted + "2021,Bedford 001A,E01017458,100,30,10,20,70,60,10\n"
                                      "2021,Bedford 001B,E01017459,50,5,5,0,45,40,5\n";
    const Table t = parse_ons_bulk_csv(text, "ts021.csv");
    ASSERT_EQ(t.groups(), 4u);
    EXPECT_EQ(t.group_names()[0], "bangladeshi");
    EXPECT_EQ(t.group_names()[2], "english_welsh_scottish_northern_irish_or_british");
    EXPECT_EQ(t.declared_total()[0], 100.0);
    EXPECT_EQ(t.level("geography").labels[1], "Bedford 001B");
    EXPECT_EQ(detect_layout(text), InputLayout::ons_bulk);

    OnsBulkOptions top;
    top.level = OnsCategoryLevel::top;
    top.rename = {{"asian_asian_british_or_asian_welsh", "Asian"}};
    const Table t2 = parse_ons_bulk_csv(text, "ts021.csv", top);
    ASSERT_EQ(t2.groups(), 2u);
    EXPECT_EQ(t2.group_names()[0], "Asian");
    EXPECT_EQ(t2.count(1, 1), 45.0);
}

TEST(OnsBulk, ShortNames) {
    EXPECT_EQ(short_category_name("Asian, Asian British or Asian Welsh"), "asian_asian_british_or_asian_welsh");
    EXPECT_EQ(short_category_name("  Mixed/multiple  "), "mixed_multiple");
    EXPECT_THROW(parse_ons_bulk_csv("a,b\n1,2\n", "x.csv"), Error);
}

TEST(TableInput, DetectsLayouts) {
    EXPECT_EQ(detect_layout("area,group,count\n"), InputLayout::long_format);
    EXPECT_EQ(detect_layout("OA,A,B,C,D\n"), InputLayout::wide);
    EXPECT_THROW(parse_input_layout("xml"), Error);
}
