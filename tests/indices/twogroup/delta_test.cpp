// Delta (Hoover) index: needs unit land areas.
#include <gtest/gtest.h>

#include <vector>

#include "core/error.hpp"
#include "indices/twogroup/twogroup_test_util.hpp"

namespace cohesion::test {
namespace {

double delta_with(const CountMatrix& m, const std::vector<double>& areas) {
    IndexParams params;
    params.unit_areas = areas;
    return index_value("delta", m, params);
}

TEST(TwoGroupDelta, DeclaresItNeedsAreas) {
    EXPECT_TRUE(IndexRegistry::instance().get("delta").info.needs.unit_areas);
    EXPECT_EQ(IndexRegistry::instance().get("Delta").info.name, "delta");
}

TEST(TwoGroupDelta, ToyTable) {
    // x = (8, 2, 0), X = 10; areas (1, 1, 2), A = 4.
    // ½ (|0.8 − 0.25| + |0.2 − 0.25| + |0 − 0.5|) = ½ (0.55 + 0.05 + 0.5) = 0.55
    const CountMatrix m = two_group_matrix({8, 2, 0}, {2, 8, 20});
    EXPECT_NEAR(delta_with(m, {1, 1, 2}), 0.55, 1e-15);
}

TEST(TwoGroupDelta, ZeroWhenDensityIsUniform) {
    // Areas proportional to x: every unit has the same focal-group density.
    const CountMatrix m = two_group_matrix({8, 2, 0}, {2, 8, 20});
    EXPECT_NEAR(delta_with(m, {4, 1, 0}), 0.0, 1e-15);
}

TEST(TwoGroupDelta, ScalingAreasOrCountsLeavesItUnchanged) {
    const CountMatrix m = two_group_matrix({8, 2, 0}, {2, 8, 20});
    const CountMatrix m3 = two_group_matrix({24, 6, 0}, {6, 24, 60});
    EXPECT_NEAR(delta_with(m, {0.3, 1.7, 2.2}), delta_with(m3, {3, 17, 22}), 1e-15);
}

TEST(TwoGroupDelta, AreasPerTableRowCountEmptyLand) {
    // Row 2 (x = y = 0) is dropped from the CountMatrix. With one area per table row its land
    // stays in A, as in pysal: A = 1 + 3 + 1 + 2 = 7,
    // ½ (|0.8 − 1/7| + |0.2 − 1/7| + |0 − 2/7| + |0 − 3/7|) = ½ (4.6 + 0.4 + 2 + 3)/7 = 5/7.
    const CountMatrix m = two_group_matrix({8, 0, 2, 0}, {2, 0, 8, 20});
    ASSERT_EQ(m.units, 3u);
    ASSERT_EQ(m.dropped_units, 1u);
    EXPECT_NEAR(delta_with(m, {1, 3, 1, 2}), 5.0 / 7.0, 1e-15);
    // One area per kept unit leaves the empty land out: back to the toy value.
    EXPECT_NEAR(delta_with(m, {1, 1, 2}), 0.55, 1e-15);
}

TEST(TwoGroupDelta, RejectsMissingOrMismatchedAreas) {
    const CountMatrix m = two_group_matrix({8, 2, 0}, {2, 8, 20});
    EXPECT_THROW(delta_with(m, {}), Error);
    EXPECT_THROW(delta_with(m, {1, 1}), Error);
    EXPECT_THROW(delta_with(m, {1, 1, 2, 5}), Error);  // nothing was dropped, so 4 fits nothing
    EXPECT_THROW(delta_with(m, {1, -1, 2}), Error);
    EXPECT_THROW(delta_with(m, {0, 0, 0}), Error);
    try {
        delta_with(m, {1, 1});
        FAIL() << "expected an Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("2 areas for 3 units"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace cohesion::test
