#pragma once
// Index kernels over raw columns, shared by an index and its simulation-corrected variants:
// a simulated table is just new columns, so the replicates need no CountMatrix.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include "indices/gini_sweep.hpp"
#include "indices/radix_sort.hpp"

namespace cohesion::twogroup_kernels {

// D with the group totals known (a CountMatrix's group_totals, summed in the same order):
// one pass over the columns instead of two, which is most of the call's time on a national table.
inline double dissimilarity(std::span<const double> x, std::span<const double> y, double X, double Y) {
    if (!(X > 0.0) || !(Y > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    double sum = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) sum += std::abs(x[i] / X - y[i] / Y);
    return 0.5 * sum;
}

// D = ½ Σ |x_i/X − y_i/Y| (same formula as dissimilarity.cpp), totals summed here.
inline double dissimilarity(std::span<const double> x, std::span<const double> y) {
    double X = 0.0, Y = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        X += x[i];
        Y += y[i];
    }
    return dissimilarity(x, y, X, Y);
}

// Working memory for gini(), reused across calls (simulation replicates, or thread_local).
using GiniScratch = RadixBuffers;

// Gini G = Σ_i Σ_j t_i t_j |p_i − p_j| / (2 T² P(1−P)).
//
// Why sorting: with units in increasing p, every pair's |p_i − p_j| has a known sign, so
// Σ_{j<k} t_k t_j (p_k − p_j) = x_k W_k − t_k S_k, with W_k = Σ_{j<k} t_j and S_k = Σ_{j<k} x_j
// running sums. That turns the O(N²) double loop into one O(N log N) sort and a pass, which
// is what keeps 181,408 units within the benchmark budget. Ties contribute 0 in either order.
// Units with t_i = 0 carry no weight and are skipped (pysal sets their p to 0; same result).
// Units without the focal group (p = 0) come first in any order and only add to W, so they
// skip the sort; the rest are radix sorted (radix_sort.hpp). Every unit is written to the
// buffer and only those with the group are kept (no branch to mispredict).
inline double gini(std::span<const double> x, std::span<const double> t, GiniScratch& scratch) {
    const std::span<KeyedValue> room = scratch.room(x.size());
    double X = 0.0, T = 0.0, W = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double xi = x[i], ti = t[i];
        if (!(ti > 0.0)) continue;
        room[n] = {sortable_bits(xi / ti), ti};
        const bool present = xi > 0.0;
        n += present ? 1 : 0;
        W += ti * static_cast<double>(!present);  // a multiply, not a branch
        X += xi;
        T += ti;
    }
    const double P = X / T;
    if (!(P > 0.0) || !(P < 1.0)) return std::numeric_limits<double>::quiet_NaN();
    // Terms x_k W − t_k S are non-negative in sorted order; double keeps the relative error
    // of the sum far below 1e-9 (W and S are sums of counts).
    const double half = gini_sweep(radix_sort(scratch, n), W);
    // The double sum over ordered pairs is 2·half, so G = 2·half / (2 T² P(1−P)).
    return half / (T * T * P * (1.0 - P));
}

}  // namespace cohesion::twogroup_kernels
