// PairMemo (sampling/pair_memo.hpp): one computation per pair within a call, through the table's
// growth, and nothing carried into the next call.
#include <gtest/gtest.h>

#include <cstdint>

#include "sampling/pair_memo.hpp"

namespace cohesion {
namespace {

TEST(PairMemo, ComputesEachPairOncePerCall) {
    PairMemo memo;
    int computed = 0;
    auto value = [&](std::uint32_t a, std::uint32_t b) {
        return memo.get(a, b, [&] {
            ++computed;
            return 1000.0 * a + b;
        });
    };
    memo.begin();
    // 20,000 distinct pairs (the table grows from 4,096 entries), each asked for twice.
    for (int round = 0; round < 2; ++round)
        for (std::uint32_t a = 0; a < 200; ++a)
            for (std::uint32_t b = 0; b < 100; ++b) ASSERT_EQ(value(a, b), 1000.0 * a + b);
    EXPECT_EQ(computed, 20000);
    // A new call forgets the old values.
    memo.begin();
    EXPECT_EQ(memo.get(3, 4, [] { return -1.0; }), -1.0);
    EXPECT_EQ(memo.get(3, 4, [] { return -2.0; }), -1.0);
    EXPECT_EQ(memo.get(4, 3, [] { return -3.0; }), -3.0);  // (a, b) and (b, a) are different pairs
}

}  // namespace
}  // namespace cohesion
