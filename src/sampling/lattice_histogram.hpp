#pragma once
// The histogram of n independent draws from one tabulated distribution, drawn directly.
//
// Why: an index that depends on a simulated table only through how many units hold each count
// (D of a null table depends on the units only through their (size, count) pairs) does not need
// n separate draws. The histogram (h_lo, …, h_hi) of n draws from p is Multinomial(n, p), which
// is drawn by conditional binomials from the bottom up:
//   h_k ~ Binomial(n − h_lo − … − h_(k−1), p_k / (p_k + … + p_hi)),  stop when nobody is left,
// so the work is the number of counts actually reached (a few dozen) instead of n alias draws.
// Same distribution as n alias draws (the chain rule for the multinomial); unless n is large,
// n alias draws counted into the histogram are cheaper and are used instead.
//
// Binomials: inversion (one uniform, walk up the pmf) when the mean of the smaller side is
// below 16, else std::binomial_distribution (fresh object per draw, see twogroup simulation.hpp).
// Source (inversion): Kachitvichyanukul, V. & Schmeiser, B. W. (1988). Binomial random variate
// generation. Communications of the ACM 31(2), 216–222 (algorithm BINV).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "sampling/exact_null.hpp"
#include "sampling/lattice_alias.hpp"

namespace cohesion {

// Binomial(n, p) for any 0 ≤ p ≤ 1 from a 64-bit generator.
template <class Random>
std::int64_t binomial_draw(Random& random, std::int64_t n, double p) {
    if (n <= 0 || !(p > 0.0)) return 0;
    if (p >= 1.0) return n;
    if (p > 0.5) return n - binomial_draw(random, n, 1.0 - p);
    if (static_cast<double>(n) * p >= 16.0) return std::binomial_distribution<std::int64_t>(n, p)(random);
    // BINV: walk k = 0, 1, … subtracting f(k) = C(n,k) p^k q^(n−k) from one uniform. f(0) =
    // q^n ≥ e^(−16·1.4) never underflows here; a walk past n (rounding) restarts.
    const double q = 1.0 - p, ratio = p / q, f0 = std::exp(static_cast<double>(n) * std::log1p(-p));
    for (;;) {
        double u = static_cast<double>(random() >> 11) * 0x1.0p-53;
        double f = f0;
        std::int64_t k = 0;
        while (u > f) {
            u -= f;
            if (++k > n) break;
            f *= ratio * static_cast<double>(n - k + 1) / static_cast<double>(k);
        }
        if (k <= n) return k;
    }
}

class LatticeHistogram {
public:
    explicit LatticeHistogram(const exact_null::LatticePmf& d) : lo_(d.lo), p_(d.p), alias_(d), tail_(d.p.size()) {
        // Tail masses summed from the top, so small tails keep their relative accuracy.
        double tail = 0.0;
        for (std::size_t k = p_.size(); k-- > 0;) tail_[k] = tail += p_[k];
    }

    std::int64_t lo() const { return lo_; }
    std::size_t size() const { return p_.size(); }

    // Slots [first, last) of a drawn histogram; every slot outside is 0.
    struct Range {
        std::size_t first = 0, last = 0;
    };

    // Adds to counts[k] how many of n draws equal lo + k (counts has size() entries and is all
    // zero on entry; the caller resets the returned range after use, so the cut tails of the
    // tabulated pmf are never swept).
    template <class Random>
    Range draw(Random& random, std::int64_t n, std::span<std::int64_t> counts) const {
        Range range{p_.size(), 0};
        // An alias draw costs ~3 ns, a conditional binomial ~30–300 ns (inversion for small
        // means, a BTPE set-up for large ones), one per count reached (≤ size()): alias draws
        // unless n is well above 32 × size().
        if (n <= 32 * static_cast<std::int64_t>(p_.size())) {
            for (std::int64_t j = 0; j < n; ++j) {
                const auto k = static_cast<std::size_t>(alias_.draw(random()) - lo_);
                ++counts[k];
                range.first = std::min(range.first, k);
                range.last = std::max(range.last, k + 1);
            }
            return range.first < range.last ? range : Range{};
        }
        std::int64_t left = n;
        for (std::size_t k = 0; k < p_.size() && left > 0; ++k) {
            const std::int64_t h = k + 1 == p_.size() ? left : binomial_draw(random, left, std::min(1.0, p_[k] / tail_[k]));
            counts[k] = h;
            left -= h;
            if (h > 0) {
                range.first = std::min(range.first, k);
                range.last = k + 1;
            }
        }
        return range.first < range.last ? range : Range{};
    }

private:
    std::int64_t lo_;
    std::vector<double> p_;
    LatticeAlias alias_;
    std::vector<double> tail_;  // tail_[k] = p_[k] + … + p_[last]
};

}  // namespace cohesion
