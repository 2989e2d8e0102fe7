// radix_sort (indices/radix_sort.hpp) against std::sort: census shares, keys that agree in their
// leading 32 bits (the insertion pass and its fall-back to sorting runs), keys spanning every
// exponent (three counting passes), and the trivial sizes.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "indices/radix_sort.hpp"

namespace cohesion {
namespace {

std::vector<std::uint64_t> sorted_by_radix(const std::vector<std::uint64_t>& keys) {
    RadixBuffers buffers;
    const auto room = buffers.room(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) room[i] = {keys[i], static_cast<double>(i)};
    std::vector<std::uint64_t> out;
    for (const KeyedValue& v : radix_sort(buffers, keys.size())) {
        EXPECT_EQ(v.key, keys[static_cast<std::size_t>(v.value)]);  // payload travels with its key
        out.push_back(v.key);
    }
    return out;
}

std::vector<std::uint64_t> sorted_by_std(std::vector<std::uint64_t> keys) {
    std::sort(keys.begin(), keys.end());
    return keys;
}

TEST(RadixSort, CensusSharesInExactOrder) {
    std::mt19937 rng(11);
    std::vector<std::uint64_t> keys;
    for (int i = 0; i < 20000; ++i) {
        const double t = 1 + rng() % 2000;
        keys.push_back(sortable_bits(static_cast<double>(1 + rng() % static_cast<unsigned>(t)) / t));
    }
    EXPECT_EQ(sorted_by_radix(keys), sorted_by_std(keys));
}

TEST(RadixSort, KeysSharingTheirLeadingBits) {
    // 3,000 distinct keys with the same leading 32 bits, in descending order: the insertion
    // pass runs over its budget and each run is sorted instead.
    std::vector<std::uint64_t> keys;
    const std::uint64_t top = sortable_bits(0.25) & 0xFFFFFFFF00000000ULL;
    for (std::uint64_t i = 3000; i-- > 0;) keys.push_back(top | (i * 977));
    for (int i = 0; i < 100; ++i) keys.push_back(sortable_bits(0.5 + i * 1e-3));
    EXPECT_EQ(sorted_by_radix(keys), sorted_by_std(keys));
    // A few short runs out of order stay within the insertion pass.
    std::mt19937 rng(3);
    std::vector<std::uint64_t> mixed;
    for (int i = 0; i < 5000; ++i) mixed.push_back(sortable_bits(1.0 / (1 + rng() % 50)) + rng() % 4);
    EXPECT_EQ(sorted_by_radix(mixed), sorted_by_std(mixed));
}

TEST(RadixSort, KeysOverEveryExponentAndTrivialSizes) {
    std::mt19937_64 rng(5);
    std::vector<std::uint64_t> keys;
    for (int i = 0; i < 10000; ++i) keys.push_back(rng() >> 1);  // non-negative doubles of any size
    EXPECT_EQ(sorted_by_radix(keys), sorted_by_std(keys));
    EXPECT_TRUE(sorted_by_radix({}).empty());
    EXPECT_EQ(sorted_by_radix({42}), std::vector<std::uint64_t>{42});
    const std::vector<std::uint64_t> same(100, sortable_bits(0.3));
    EXPECT_EQ(sorted_by_radix(same), same);
}

}  // namespace
}  // namespace cohesion
