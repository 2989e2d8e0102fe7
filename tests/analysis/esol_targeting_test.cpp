#include "analysis/esol_targeting.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <variant>

#include "support/error_of.hpp"

namespace cohesion {
namespace {

CensusTopics bedford_census() { return CensusTopics({std::string(COHESION_EXAMPLE_DATA) + "/bedford/census2021_oa", {}, ""}); }

std::size_t column(const ResultTable& t, const std::string& name) {
    return static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), name) - t.columns.begin());
}

double number(const Cell& c) { return std::holds_alternative<double>(c) ? std::get<double>(c) : double(std::get<std::int64_t>(c)); }

TEST(EsolTargeting, ScoreWeightsAreCheckedByName) {
    EXPECT_NE(error_of([] { parse_score_weights({"need=0.5", "distance=0.5"}); }).find("unknown score component 'distance'"),
              std::string::npos);
    EXPECT_NE(error_of([] { parse_score_weights({"need=0.4x"}); }).find("'0.4x' is not a number"), std::string::npos);
    EXPECT_NE(error_of([] { parse_score_weights({"need"}); }).find("expected NAME=WEIGHT"), std::string::npos);
    EXPECT_NE(error_of([] { parse_score_weights({"need=-1"}); }).find("from 0 to 1000000"), std::string::npos);
    // Huge weights overflowed their sum to infinity and every score to NaN.
    EXPECT_NE(error_of([] { parse_score_weights({"need=1e308", "isolation=1e308"}); }).find("from 0 to 1000000"),
              std::string::npos);
    EXPECT_NE(error_of([] { parse_score_weights({"need=0", "isolation=0"}); }).find("at least one weight"), std::string::npos);
    const auto w = parse_score_weights({"need=1", "accession=0.5"});
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(w[1].first, "accession");
    EXPECT_EQ(w[1].second, 0.5);
}

TEST(EsolTargeting, NeedOnlyRankingFollowsTheSmoothedRate) {
    EsolTargetingOptions o;
    o.weights = {{"need", 1.0}};
    const auto results = esol_targeting(bedford_census(), o);
    ASSERT_EQ(results.size(), 3u);
    const ResultTable& areas = results.back();
    ASSERT_GT(areas.rows.size(), 400u);
    const std::size_t smoothed = column(areas, "need_rate_smoothed"), rank = column(areas, "rank");
    const std::size_t share = column(areas, "cumulative_share_of_need");
    for (std::size_t r = 1; r < areas.rows.size(); ++r) {
        EXPECT_GE(number(areas.rows[r - 1][smoothed]), number(areas.rows[r][smoothed]));
        EXPECT_EQ(number(areas.rows[r][rank]), double(r + 1));
    }
    EXPECT_NEAR(number(areas.rows.back()[share]), 1.0, 1e-12);
    // Ten priority areas by default.
    const std::size_t priority = column(areas, "priority");
    EXPECT_EQ(std::count_if(areas.rows.begin(), areas.rows.end(),
                            [&](const auto& row) { return std::get<std::string>(row[priority]) == "yes"; }),
              10);
}

TEST(CensusTopics, EachTopicIsReadOnceAndKept) {
    const CensusTopics census = bedford_census();
    const Table& first = census.topic("ts029");
    EXPECT_EQ(&census.topic("ts029"), &first);  // the same table, not a second read
    (void)census.topic("ts054");                 // a later load leaves the first in place
    EXPECT_EQ(&census.topic("ts029"), &first);
    EXPECT_EQ(census.topic("ts054", {first.area_codes()[2], first.area_codes()[0]}).area_codes()[1], first.area_codes()[0]);
}

TEST(EsolTargeting, UnknownNeighbourhoodLevelIsNamed) {
    EsolTargetingOptions o;
    o.neighbourhood = "ward";
    EXPECT_NE(error_of([&] { esol_targeting(bedford_census(), o); }).find("no level 'ward'"), std::string::npos);
}

}  // namespace
}  // namespace cohesion
