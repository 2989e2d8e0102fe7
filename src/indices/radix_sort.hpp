#pragma once
// LSD radix sort of non-negative doubles with a payload, for the Gini indices.
//
// Why: Gini needs units ordered by their share, once per group; for 181,408 units ×
// 14 groups a comparison sort dominates the index's cost. Non-negative IEEE doubles
// order like their bit patterns, so four 16-bit counting passes sort them exactly.
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace cohesion {

struct KeyedValue {
    std::uint64_t key;  // bit pattern of a non-negative double
    double value;
};

inline std::uint64_t sortable_bits(double non_negative) {
    std::uint64_t bits;
    std::memcpy(&bits, &non_negative, sizeof bits);
    return bits;
}

inline double from_sortable_bits(std::uint64_t bits) {
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

// Sorts `items` by key ascending; `scratch` is resized as needed and reused by callers.
inline void radix_sort(std::vector<KeyedValue>& items, std::vector<KeyedValue>& scratch) {
    scratch.resize(items.size());
    std::vector<std::uint32_t> count(1 << 16);
    for (int pass = 0; pass < 4; ++pass) {
        const int shift = 16 * pass;
        std::fill(count.begin(), count.end(), 0u);
        for (const auto& item : items) ++count[(item.key >> shift) & 0xFFFF];
        // Skip a pass whose digit is the same for every item (common for the top bits).
        bool trivial = false;
        for (auto c : count)
            if (c == items.size()) trivial = true;
        if (trivial) continue;
        std::uint32_t offset = 0;
        for (auto& c : count) {
            const std::uint32_t n = c;
            c = offset;
            offset += n;
        }
        for (const auto& item : items) scratch[count[(item.key >> shift) & 0xFFFF]++] = item;
        items.swap(scratch);
    }
}

}  // namespace cohesion
