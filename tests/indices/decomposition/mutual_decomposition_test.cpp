#include "indices/decomposition/mutual_decomposition.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "support/bedford.hpp"

using namespace cohesion;
using cohesion::test::near_relative;

namespace {
std::vector<std::string> parents(const Table& table, const CountMatrix& m, const std::string& level) {
    std::vector<std::string> out;
    for (std::size_t row : m.unit_rows) out.push_back(table.level(level).labels[row]);
    return out;
}
}  // namespace

TEST(DecompositionReference, WithinMsoaAndLsoaMatchR) {
    const auto ref = test::read_reference_json("bedford2011_aspatial.json")["mutual_information"];
    const Table& table = test::bedford_oa_2011();
    const CountMatrix m = multigroup(table);
    for (const std::string level : {"MSOA", "LSOA"}) {
        const auto d = decompose_within(m, parents(table, m, level));
        EXPECT_TRUE(near_relative(d.within_M, ref["within_" + level]["M"].get<double>())) << level;
        EXPECT_TRUE(near_relative(d.within_H, ref["within_" + level]["H"].get<double>())) << level;
        EXPECT_TRUE(near_relative(d.total_M, ref["M"].get<double>()));
        EXPECT_TRUE(near_relative(d.between_M + d.within_M, d.total_M, 1e-12));
        EXPECT_TRUE(near_relative(d.between_H + d.within_H, d.total_H, 1e-12));
        EXPECT_EQ(d.parts.size(), level == "MSOA" ? 20u : 103u);
    }
}

TEST(DecompositionToy, BetweenAndWithinByHand) {
    // Parent P holds u0 = (2, 0) and u1 = (0, 2); parent Q holds u2 = (1, 1).
    // Between: P = (2, 2), Q = (1, 1) have the same composition → M_between = 0.
    // Within P: complete segregation of two equal groups → M_P = ln 2, p_P = 4/6.
    const CountMatrix m = make_count_matrix({2, 0, 1, 0, 2, 1}, 3, {"A", "B"});
    const auto d = decompose_within(m, {"P", "P", "Q"});
    EXPECT_NEAR(d.between_M, 0.0, 1e-15);
    EXPECT_NEAR(d.within_M, 4.0 / 6.0 * std::log(2.0), 1e-15);
    ASSERT_EQ(d.parts.size(), 2u);
    EXPECT_EQ(d.parts[0].parent, "P");
    EXPECT_NEAR(d.parts[0].H, 1.0, 1e-15);
    EXPECT_NEAR(d.parts[1].M, 0.0, 1e-15);
    EXPECT_THROW(decompose_within(m, {"P"}), Error);
}

TEST(DecompositionByGroup, ContributionsSumToM) {
    const CountMatrix m = multigroup(test::bedford_oa_2011());
    const auto ref = test::read_reference_json("bedford2011_aspatial.json")["mutual_information"];
    double M = 0.0;
    for (const auto& c : decompose_by_group(m)) M += c.contribution;
    EXPECT_TRUE(near_relative(M, ref["M"].get<double>()));
    // Toy: groups A = (2, 0), B = (1, 1) over two units. p_unit = (3/4, 1/4).
    // ls_A = 1·ln(1/.75) = ln(4/3); ls_B = .5 ln(.5/.75) + .5 ln(.5/.25).
    const auto toy = decompose_by_group(make_count_matrix({2, 0, 1, 1}, 2, {"A", "B"}));
    EXPECT_NEAR(toy[0].local_segregation, std::log(4.0 / 3.0), 1e-15);
    EXPECT_NEAR(toy[1].local_segregation, 0.5 * std::log(0.5 / 0.75) + 0.5 * std::log(2.0), 1e-15);
}
