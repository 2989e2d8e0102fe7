// Numbers as people read them: percentages without float noise, counts with separators.
#include <gtest/gtest.h>

#include "output/people_text.hpp"

namespace cohesion {
namespace {

TEST(PeopleText, PercentAndCountText) {
    EXPECT_EQ(percent_text(0.6), "60 %");
    EXPECT_EQ(percent_text(0.01), "1 %");
    EXPECT_EQ(percent_text(0.047), "4.7 %");
    EXPECT_EQ(percent_text(0.0004), "less than 0.1 %");
    EXPECT_EQ(percent_text(-5.55e-17), "0 %");
    EXPECT_EQ(count_text(8474.2), "8,474");
    EXPECT_EQ(count_text(157479), "157,479");
    EXPECT_EQ(count_text(12), "12");
}

}  // namespace
}  // namespace cohesion
