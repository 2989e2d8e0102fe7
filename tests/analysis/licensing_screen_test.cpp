#include "analysis/licensing_screen.hpp"

#include <gtest/gtest.h>

#include <variant>

namespace cohesion {
namespace {

CensusTopics bedford_census() { return CensusTopics({std::string(COHESION_EXAMPLE_DATA) + "/bedford/census2021_oa", {}, ""}); }

TEST(LicensingScreen, ZeroThresholdsMakeEveryAreaACandidateCoveringAllHomes) {
    const CensusTopics census = bedford_census();
    const Table& tenure = census.topic("ts054");
    LicensingScreenOptions o;
    o.min_private_rented = 0.0;
    o.min_accession = 0.0;
    const auto results = licensing_screen(census, tenure, o);
    ASSERT_EQ(results.size(), 2u);
    // Without contiguity each candidate is its own zone: one row per area plus the proposal.
    EXPECT_EQ(results[0].rows.size(), tenure.areas() + 1);
    EXPECT_NEAR(std::get<double>(results[0].rows.back()[4]), 1.0, 1e-12);  // share_of_private_rented
    EXPECT_TRUE(std::holds_alternative<std::monostate>(results[0].rows.back()[5]));  // no land area
}

TEST(LicensingScreen, ImpossibleThresholdsGiveNoZone) {
    const CensusTopics census = bedford_census();
    const Table& tenure = census.topic("ts054");
    LicensingScreenOptions o;
    o.min_private_rented = 1.01;
    const auto results = licensing_screen(census, tenure, o);
    EXPECT_EQ(results[0].title, "0 candidate zones");
    EXPECT_EQ(results[0].rows.size(), 1u);
    for (const auto& row : results[1].rows) EXPECT_EQ(std::get<std::string>(row[6]), "no");
}

}  // namespace
}  // namespace cohesion
