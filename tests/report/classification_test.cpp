#include "report/classification.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "report/html_report.hpp"
#include "report/palette.hpp"

using namespace cohesion;

TEST(Classification, NaturalBreaksFindObviousClusters) {
    // Three tight clusters: the optimal 3-class partition separates them exactly.
    const std::vector<double> v{1, 2, 3, 10, 11, 12, 50, 51, 52, std::numeric_limits<double>::quiet_NaN()};
    const auto b = natural_breaks(v, 3);
    ASSERT_EQ(b.size(), 4u);
    EXPECT_EQ(b[0], 1.0);
    EXPECT_EQ(b[1], 3.0);
    EXPECT_EQ(b[2], 12.0);
    EXPECT_EQ(b[3], 52.0);
    EXPECT_EQ(class_of(2.5, b), 0);
    EXPECT_EQ(class_of(11, b), 1);
    EXPECT_EQ(class_of(52, b), 2);
    EXPECT_EQ(class_of(std::nan(""), b), -1);
}

TEST(Classification, QuantilesSplitCountsEvenlyAndCollapseTies) {
    std::vector<double> v;
    for (int i = 0; i < 100; ++i) v.push_back(i);
    const auto b = quantile_breaks(v, 4);
    ASSERT_EQ(b.size(), 5u);
    EXPECT_EQ(b[1], 25.0);
    EXPECT_EQ(b[2], 50.0);
    const auto same = quantile_breaks(std::vector<double>(10, 3.0), 5);
    ASSERT_EQ(same.size(), 2u);  // one class
    EXPECT_EQ(class_of(3.0, same), 0);
    EXPECT_TRUE(natural_breaks({}, 5).empty());
}

TEST(Classification, MapClassesSurviveManyTiedZeros) {
    // 400 areas with none of the group and a spread of shares elsewhere: the map still has
    // five classes with distinct edges and one colour each (the report and the API share this).
    std::vector<double> v(400, 0.0);
    for (int i = 1; i <= 100; ++i) v.push_back(i * i / 10000.0);
    const MapClasses m = map_classes(v, 5);
    ASSERT_EQ(m.breaks.size(), 6u);
    for (std::size_t k = 1; k < m.breaks.size(); ++k) EXPECT_LT(m.breaks[k - 1], m.breaks[k]);
    EXPECT_EQ(m.breaks.front(), 0.0);
    EXPECT_EQ(m.breaks.back(), 1.0);
    ASSERT_EQ(m.colours.size(), 5u);
    EXPECT_EQ(m.colours.front(), "#440154");
    EXPECT_EQ(class_of(0.0, m.breaks), 0);
}

TEST(Report, PalettesAndEscaping) {
    const auto v = viridis(5);
    ASSERT_EQ(v.size(), 5u);
    EXPECT_EQ(v.front().hex(), "#440154");
    EXPECT_EQ(v.back().hex(), "#fde725");
    EXPECT_EQ(html_escape("<a href=\"x\">&</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
}
