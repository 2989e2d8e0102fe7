#pragma once
// O(1) draws from a tabulated distribution on consecutive integers (Walker's alias method).
//
// Why: simulation loops draw the same few distributions (a binomial per distinct unit size, a
// Poisson per distinct cell count) millions of times. Setting up BTPE or PTRD per draw costs
// tens of nanoseconds; an alias table costs one 64-bit random number, a multiply and a compare.
// The high bits of u·m pick the column and the low 64 bits (the fractional part of u·m/2^64,
// uniform on a grid of m/2^64) decide between the column and its alias, so one engine call
// serves both. The table is exact up to the 1e-18 tail cut of exact_null's tabulation.
// Source: Walker, A. J. (1977). An efficient method for generating discrete random variables
// with general distributions. ACM TOMS 3(3), 253–256; Vose, M. D. (1991). A linear algorithm for
// generating random numbers with a given distribution. IEEE TSE 17(9), 972–975.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "sampling/exact_null.hpp"

namespace cohesion {

class LatticeAlias {
public:
    LatticeAlias() = default;
    explicit LatticeAlias(const exact_null::LatticePmf& d) : lo_(d.lo) {
        const std::size_t m = d.p.size();
        threshold_.assign(m, std::numeric_limits<std::uint64_t>::max());
        alias_.resize(m);
        std::vector<double> scaled(m);
        std::vector<std::uint32_t> small, large;
        for (std::size_t k = 0; k < m; ++k) {
            alias_[k] = static_cast<std::uint32_t>(k);
            scaled[k] = d.p[k] * static_cast<double>(m);
            (scaled[k] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(k));
        }
        while (!small.empty() && !large.empty()) {
            const std::uint32_t s = small.back(), l = large.back();
            small.pop_back();
            threshold_[s] = static_cast<std::uint64_t>(std::ldexp(std::max(0.0, scaled[s]), 64));
            alias_[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        // Left-overs hold probability 1 up to rounding: keep their own value always.
    }

    std::int64_t draw(std::uint64_t u) const {
        __extension__ using u128 = unsigned __int128;  // GCC/Clang: the 64×64→128 multiply
        const u128 product = static_cast<u128>(u) * threshold_.size();
        const auto column = static_cast<std::size_t>(product >> 64);
        const auto fraction = static_cast<std::uint64_t>(product);
        const std::uint64_t t = threshold_[column];
        const std::uint32_t k =
            (fraction < t || t == std::numeric_limits<std::uint64_t>::max()) ? static_cast<std::uint32_t>(column)
                                                                               : alias_[column];
        return lo_ + static_cast<std::int64_t>(k);
    }

    std::size_t size() const { return threshold_.size(); }
    // The table itself, for samplers that lay many tables out back to back.
    std::int64_t lo() const { return lo_; }
    std::uint64_t threshold(std::size_t k) const { return threshold_[k]; }
    std::uint32_t alias(std::size_t k) const { return alias_[k]; }

private:
    std::int64_t lo_ = 0;
    std::vector<std::uint64_t> threshold_;  // P(keep column) · 2^64; max = always keep
    std::vector<std::uint32_t> alias_;
};

}  // namespace cohesion
