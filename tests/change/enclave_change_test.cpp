#include "change/enclave_change.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"

using namespace cohesion;

namespace {

Enclave enclave(std::string name, std::vector<std::size_t> members) {
    Enclave e;
    e.name = std::move(name);
    e.members = std::move(members);
    return e;
}

}  // namespace

// Six areas of 100 people. A has one enclave {0,1} and one {4}; B has {1,2} (touching A's
// first) and {3} (new). A's {4} dissolves.
TEST(EnclaveChange, EmergingPersistingAndDissolved) {
    const std::vector<double> total(6, 100.0);
    const std::vector<double> group_a{40, 50, 10, 5, 30, 0};
    const std::vector<double> group_b{45, 60, 40, 20, 10, 0};
    const auto c = compare_enclaves({enclave("A1", {0, 1}), enclave("A2", {4})}, {enclave("B1", {1, 2}), enclave("B2", {3})},
                                    group_a, total, group_b, total, 10.0);
    ASSERT_EQ(c.enclaves.size(), 3u);
    EXPECT_EQ(c.enclaves[0].enclave, "B2");
    EXPECT_EQ(c.enclaves[0].status, "emerging");
    EXPECT_EQ(c.enclaves[0].areas_a, 0u);
    EXPECT_EQ(c.enclaves[0].areas_b, 1u);
    EXPECT_NEAR(c.enclaves[0].annual_growth, std::pow(4.0, 0.1) - 1.0, 1e-15);  // 5 -> 20 people

    const auto& p = c.enclaves[1];
    EXPECT_EQ(p.enclave, "B1");
    EXPECT_EQ(p.status, "persisting");
    // Footprint = B1's areas {1,2} plus A1's {0}: 100 -> 145 of 300 people.
    EXPECT_EQ(p.areas_a, 2u);
    EXPECT_EQ(p.areas_b, 2u);
    EXPECT_DOUBLE_EQ(p.group_a, 100.0);
    EXPECT_DOUBLE_EQ(p.group_b, 145.0);
    EXPECT_DOUBLE_EQ(p.population_a, 300.0);
    EXPECT_DOUBLE_EQ(p.share_b, 145.0 / 300.0);
    EXPECT_EQ(p.core, 1u);  // highest later share

    EXPECT_EQ(c.enclaves[2].enclave, "A2");
    EXPECT_EQ(c.enclaves[2].status, "dissolved");
    EXPECT_NEAR(c.enclaves[2].annual_growth, std::pow(10.0 / 30.0, 0.1) - 1.0, 1e-15);

    const std::vector<std::string> status{"left", "persisting", "new", "new", "left", ""};
    EXPECT_EQ(c.area_status, status);
}

TEST(EnclaveChange, NoEnclavesAndBadInput) {
    const std::vector<double> v(3, 1.0);
    const auto c = compare_enclaves({}, {}, v, v, v, v, 10.0);
    EXPECT_TRUE(c.enclaves.empty());
    EXPECT_EQ(c.area_status, std::vector<std::string>(3));
    const std::vector<double> two(2, 1.0);
    EXPECT_THROW(compare_enclaves({}, {}, v, v, two, two, 10.0), Error);
    EXPECT_THROW(compare_enclaves({}, {}, v, v, v, v, 0.0), Error);
    EXPECT_THROW(compare_enclaves({}, {enclave("B", {7})}, v, v, v, v, 10.0), Error);
}
