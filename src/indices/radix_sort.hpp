#pragma once
// LSD radix sort of non-negative doubles with a payload, for the Gini indices.
//
// Why: Gini needs units ordered by their share, once per group; for 181,408 units ×
// 14 groups a comparison sort dominates the index's cost. Non-negative IEEE doubles
// order like their bit patterns, so counting passes over the bits sort them exactly.
#include <algorithm>
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
//
// Why only the top 32 bits by radix: two 16-bit counting passes put the items in order of
// their leading 32 bits (sign, exponent and 20 mantissa bits: shares agree to ~1e-6 within
// a run), and the top digit has few distinct values for shares in (0, 1], so its scatter stays
// in cache. Runs with equal leading bits are then put in full order by insertion sort (short
// runs, almost always already in order) or std::sort (long runs). The result is the same
// exact order as a full 64-bit radix sort, with half the passes.
inline void radix_sort(std::vector<KeyedValue>& items, std::vector<KeyedValue>& scratch) {
    scratch.resize(items.size());
    thread_local std::vector<std::uint32_t> count(1 << 16);  // 256 KiB: reused, not re-faulted per call
    for (int shift : {32, 48}) {
        std::fill(count.begin(), count.end(), 0u);
        for (const auto& item : items) ++count[(item.key >> shift) & 0xFFFF];
        // Skip a pass whose digit is the same for every item.
        if (count[(items.empty() ? 0 : items[0].key >> shift) & 0xFFFF] == items.size()) continue;
        std::uint32_t offset = 0;
        for (auto& c : count) {
            const std::uint32_t n = c;
            c = offset;
            offset += n;
        }
        for (const auto& item : items) scratch[count[(item.key >> shift) & 0xFFFF]++] = item;
        items.swap(scratch);
    }
    const auto by_key = [](const KeyedValue& a, const KeyedValue& b) { return a.key < b.key; };
    for (std::size_t start = 0; start < items.size();) {
        const std::uint64_t top = items[start].key >> 32;
        std::size_t end = start + 1;
        while (end < items.size() && items[end].key >> 32 == top) ++end;
        if (end - start > 32) {
            std::sort(items.begin() + static_cast<std::ptrdiff_t>(start), items.begin() + static_cast<std::ptrdiff_t>(end),
                      by_key);
        } else {
            for (std::size_t i = start + 1; i < end; ++i) {
                const KeyedValue v = items[i];
                std::size_t j = i;
                for (; j > start && items[j - 1].key > v.key; --j) items[j] = items[j - 1];
                items[j] = v;
            }
        }
        start = end;
    }
}

}  // namespace cohesion
