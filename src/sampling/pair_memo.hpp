#pragma once
// A per-call memo of one double per (a, b) pair of whole counts, for unit terms that depend
// only on a unit's two counts.
//
// Why: an index term that depends on a unit only through its pair of counts (x_i, y_i) takes
// far fewer distinct values than there are units — the national OA table has 181,408 units but
// 16,411 distinct (Pakistani, rest) pairs, 15,831 of them among the 63,529 units with anyone
// Pakistani — so an expensive term (an iterative solve, a sum over a count distribution) is
// computed once per pair. The memo is an open-addressing table whose entries carry the call's
// stamp, so starting a call costs nothing (no clearing), and that starts small and doubles when
// half full (it stays in cache when few pairs recur). Keep one per thread (thread_local) and call
// begin() at the start of each call. A memoised value is the same double the term computes, so
// a sum over units in unit order is unchanged to the bit.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace cohesion {

class PairMemo {
public:
    // Starts a call: every stored value is forgotten.
    void begin() {
        if (entries_.empty() || stamp_ == UINT32_MAX) {
            entries_.assign(std::max<std::size_t>(entries_.size(), 1 << 12), Entry{});
            stamp_ = 0;
        }
        ++stamp_;
        used_ = 0;
    }

    // The value for (a, b): `compute()` the first time in this call, the stored value after.
    template <class Compute>
    double get(std::uint32_t a, std::uint32_t b, Compute&& compute) {
        const std::uint64_t key = (std::uint64_t{a} << 32) | b;
        Entry* e = find(key);
        if (e->stamp == stamp_) return e->value;
        const double value = compute();
        if (2 * (used_ + 1) > entries_.size()) {
            grow();
            e = find(key);
        }
        *e = {key, value, stamp_};
        ++used_;
        return value;
    }

private:
    struct Entry {
        std::uint64_t key = 0;
        double value = 0.0;
        std::uint32_t stamp = 0;
    };

    // The entry holding `key` in this call, or the free entry where it would go.
    Entry* find(std::uint64_t key) {
        const std::size_t mask = entries_.size() - 1;
        // Fibonacci hashing: the multiply spreads neighbouring pairs over the table.
        std::size_t slot = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 24) & mask;
        for (;; slot = (slot + 1) & mask) {
            Entry& e = entries_[slot];
            if (e.stamp != stamp_ || e.key == key) return &e;
        }
    }

    void grow() {
        std::vector<Entry> old(2 * entries_.size());
        old.swap(entries_);
        for (const Entry& e : old)
            if (e.stamp == stamp_) *find(e.key) = e;
    }

    std::vector<Entry> entries_;  // size a power of two
    std::size_t used_ = 0;
    std::uint32_t stamp_ = 0;
};

}  // namespace cohesion
