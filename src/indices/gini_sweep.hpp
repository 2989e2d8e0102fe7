#pragma once
// The pass of the Gini indices over units sorted by share:
//
//   Σ_{j<k} t_j t_k (p_k − p_j) = Σ_k (x_k W_k − t_k S_k),   W_k = W₀ + Σ_{j<k} t_j,  S_k = Σ_{j<k} x_j
//
// where x_k = p_k t_k and W₀ is the population of units that precede every sorted one (share 0,
// left out of the sort). Why four units per step: one unit per step is a chain of dependent
// additions (W, S and the sum each wait for the previous unit's), four cycles a unit whatever
// the core's width; stepping W and S by four units' totals and keeping four partial sums makes
// each chain one addition per four units. For whole people W and S are exact either way; the
// sum's terms are added in another order (rounding only).
#include <span>

#include "indices/radix_sort.hpp"

namespace cohesion {

inline double gini_sweep(std::span<const KeyedValue> sorted, double W) {
    const std::size_t n = sorted.size();
    double S = 0.0, s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t k = 0;
    for (; k + 3 < n; k += 4) {
        const double t0 = sorted[k].value, t1 = sorted[k + 1].value, t2 = sorted[k + 2].value,
                     t3 = sorted[k + 3].value;
        const double x0 = from_sortable_bits(sorted[k].key) * t0, x1 = from_sortable_bits(sorted[k + 1].key) * t1,
                     x2 = from_sortable_bits(sorted[k + 2].key) * t2, x3 = from_sortable_bits(sorted[k + 3].key) * t3;
        const double W1 = W + t0, W2 = W1 + t1, W3 = W2 + t2;
        const double S1 = S + x0, S2 = S1 + x1, S3 = S2 + x2;
        s0 += x0 * W - t0 * S;
        s1 += x1 * W1 - t1 * S1;
        s2 += x2 * W2 - t2 * S2;
        s3 += x3 * W3 - t3 * S3;
        W += (t0 + t1) + (t2 + t3);
        S += (x0 + x1) + (x2 + x3);
    }
    for (; k < n; ++k) {
        const double t = sorted[k].value, x = from_sortable_bits(sorted[k].key) * t;
        s0 += x * W - t * S;
        W += t;
        S += x;
    }
    return (s0 + s1) + (s2 + s3);
}

}  // namespace cohesion
