#include <gtest/gtest.h>

#include <cmath>

#include "indices/registry.hpp"
#include "support/bedford.hpp"

using namespace cohesion;
using cohesion::test::near_relative;

namespace {
LocalColumns local(const std::string& name, const CountMatrix& m) {
    const IndexParams params;
    return IndexRegistry::instance().get(name).compute_local(IndexInput{m, params});
}
}  // namespace

TEST(LocalReference, SegregationScoresMatchRMutualLocal) {
    const auto ref = test::read_reference_json("bedford2011_aspatial.json")["mutual_local"];
    const Table& table = test::bedford_oa_2011();
    const CountMatrix m = multigroup(table);
    const auto out = local("local_segregation", m);
    ASSERT_EQ(out.names, (std::vector<std::string>{"ls", "p"}));
    const auto& ls = out.values[0];
    const auto& p = out.values[1];
    double weighted = 0.0, sum = 0.0, lo = 1e300, hi = -1e300;
    std::size_t argmax = 0;
    for (std::size_t i = 0; i < m.units; ++i) {
        weighted += p[i] * ls[i];
        sum += ls[i];
        lo = std::min(lo, ls[i]);
        if (ls[i] > hi) {
            hi = ls[i];
            argmax = i;
        }
    }
    EXPECT_TRUE(near_relative(weighted, ref["sum_p_ls"].get<double>()));
    EXPECT_TRUE(near_relative(lo, ref["ls_min"].get<double>()));
    EXPECT_TRUE(near_relative(hi, ref["ls_max"].get<double>()));
    EXPECT_TRUE(near_relative(sum / m.units, ref["ls_mean"].get<double>()));
    EXPECT_EQ(table.area_codes()[m.unit_rows[argmax]], ref["unit_max_ls"].get<std::string>());
    for (const auto& unit : ref["first_units"]) {
        const auto code = unit["unit"].get<std::string>();
        const auto it = std::find(table.area_codes().begin(), table.area_codes().end(), code);
        const std::size_t i = static_cast<std::size_t>(it - table.area_codes().begin());
        EXPECT_TRUE(near_relative(ls[i], unit["ls"].get<double>())) << code;
        EXPECT_TRUE(near_relative(p[i], unit["p"].get<double>())) << code;
    }
    // Local divergence is the same quantity.
    EXPECT_EQ(local("local_divergence", m).values[0], ls);
}

TEST(LocalToy, LocationQuotientsAndEntropyByHand) {
    // u0 = (3, 1), u1 = (1, 3): π = (.5, .5); LQ_u0 = (.75/.5, .25/.5) = (1.5, .5).
    const CountMatrix m = make_count_matrix({3, 1, 1, 3}, 2, {"A", "B"});
    const auto lq = local("location_quotient", m);
    ASSERT_EQ(lq.names, (std::vector<std::string>{"A", "B"}));
    EXPECT_DOUBLE_EQ(lq.values[0][0], 1.5);
    EXPECT_DOUBLE_EQ(lq.values[1][0], 0.5);
    EXPECT_DOUBLE_EQ(lq.values[0][1], 0.5);
    const auto e = local("local_entropy", m);
    const double expected = -(0.75 * std::log(0.75) + 0.25 * std::log(0.25));
    EXPECT_NEAR(e.values[0][0], expected, 1e-15);
    EXPECT_NEAR(e.values[1][1], expected / std::log(2.0), 1e-15);
    // A single-group area has zero entropy, and the population-weighted LQ of a group is 1.
    const CountMatrix pure = make_count_matrix({5, 2, 0, 2}, 2, {"A", "B"});
    EXPECT_DOUBLE_EQ(local("local_entropy", pure).values[0][0], 0.0);
    const auto lq2 = local("location_quotient", pure);
    EXPECT_NEAR((5 * lq2.values[0][0] + 4 * lq2.values[0][1]) / 9, 1.0, 1e-15);
}
