#pragma once
// LSD radix sort of non-negative doubles with a payload, for the Gini indices.
//
// Why: Gini needs units ordered by their share, once per group; for 181,408 units ×
// 14 groups a comparison sort dominates the index's cost. Non-negative IEEE doubles
// order like their bit patterns, so counting passes over the bits sort them exactly.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
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

// Working memory of radix_sort, kept by callers between calls: sized once to the largest input
// and never shrunk or zero-filled again (fresh multi-megabyte vectors are mmapped and
// page-faulted on every call).
struct RadixBuffers {
    std::vector<KeyedValue> items, spare;
    // Room for n items in both arrays; returns the items' array (contents unspecified).
    std::span<KeyedValue> room(std::size_t n) {
        if (items.size() < n) {
            items.resize(n);
            spare.resize(n);
        }
        return {items.data(), n};
    }
};

// Sorts the first n items of `buffers.items` by key ascending and returns where the sorted
// items are (buffers.items or buffers.spare: the passes alternate between the two).
//
// Why only the top 32 bits by radix: counting passes put the items in order of their leading 32
// bits (sign, exponent and 20 mantissa bits: shares agree to ~1e-6 within a run), and runs with
// equal leading bits are then put in full order by one insertion pass (see below). The result is the same exact order as a full
// 64-bit radix sort. Why digits of at most 12 bits over (leading bits − their minimum): shares
// in (0, 1] span a few dozen exponents, so their leading bits minus the smallest fit in ~24
// bits, i.e. two passes of 4,096 buckets; a scatter into 4,096 places keeps its write positions
// in cache, where one into 65,536 missed on nearly every item. Both passes' counts are taken in
// one read of the items.
inline std::span<KeyedValue> radix_sort(RadixBuffers& buffers, std::size_t n) {
    KeyedValue* items = buffers.items.data();
    KeyedValue* spare = buffers.spare.data();
    if (n > 1) {
        std::uint32_t lo = UINT32_MAX, hi = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto top = static_cast<std::uint32_t>(items[i].key >> 32);
            lo = std::min(lo, top);
            hi = std::max(hi, top);
        }
        const int bits = std::bit_width(hi - lo);
        if (bits > 0) {
            const int passes = (bits + 11) / 12;
            const int width = (bits + passes - 1) / passes;
            const std::uint32_t mask = (std::uint32_t{1} << width) - 1;
            const std::size_t buckets = std::size_t{1} << width;
            thread_local std::vector<std::uint32_t> count;
            count.assign(static_cast<std::size_t>(passes) * buckets, 0u);
            auto digit = [&](const KeyedValue& item, int pass) {
                return ((static_cast<std::uint32_t>(item.key >> 32) - lo) >> (pass * width)) & mask;
            };
            for (std::size_t i = 0; i < n; ++i)
                for (int p = 0; p < passes; ++p) ++count[static_cast<std::size_t>(p) * buckets + digit(items[i], p)];
            for (int p = 0; p < passes; ++p) {
                std::uint32_t* c = count.data() + static_cast<std::size_t>(p) * buckets;
                // Skip a pass whose digit is the same for every item.
                if (c[digit(items[0], p)] == n) continue;
                std::uint32_t offset = 0;
                for (std::size_t b = 0; b < buckets; ++b) {
                    const std::uint32_t k = c[b];
                    c[b] = offset;
                    offset += k;
                }
                for (std::size_t i = 0; i < n; ++i) spare[c[digit(items[i], p)]++] = items[i];
                std::swap(items, spare);
            }
        }
    }
    // The items are in order of their leading 32 bits, so an item out of order can only be
    // behind others of its run (same leading bits): one insertion pass over the whole array
    // puts every run in order. Almost every item is already in place (a run is nearly always
    // one item or equal shares), so this costs one predictable comparison per item, where
    // finding each run's end first mispredicted on every run boundary. A pass that has to move
    // items too far (long runs out of order: fractional data) falls back to sorting each run.
    std::size_t moves = 0;
    const std::size_t budget = 16 * n + 64;
    for (std::size_t i = 1; i < n && moves <= budget; ++i) {
        if (items[i - 1].key <= items[i].key) continue;
        const KeyedValue v = items[i];
        std::size_t j = i;
        for (; j > 0 && items[j - 1].key > v.key; --j) items[j] = items[j - 1];
        items[j] = v;
        moves += i - j;
    }
    if (moves > budget) {
        const auto by_key = [](const KeyedValue& a, const KeyedValue& b) { return a.key < b.key; };
        for (std::size_t start = 0; start < n;) {
            const std::uint64_t top = items[start].key >> 32;
            std::size_t end = start + 1;
            while (end < n && items[end].key >> 32 == top) ++end;
            std::sort(items + start, items + end, by_key);
            start = end;
        }
    }
    return {items, n};
}

}  // namespace cohesion
