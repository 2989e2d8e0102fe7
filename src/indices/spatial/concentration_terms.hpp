#pragma once
// The area-ordered bounds of Massey & Denton's concentration indices: units sorted by
// land area; n1 = how many of the smallest units it takes to hold X people, n2 = where
// the largest units holding X people start (pysal's convention, segregation issue #43).
#include <algorithm>
#include <numeric>
#include <vector>

#include "indices/spatial/spatial_terms.hpp"

namespace cohesion::spatial_terms {

struct ConcentrationBounds {
    std::vector<std::size_t> ascending;  // units by increasing area
    std::size_t n1 = 0, n2 = 0;          // [0, n1) smallest, [n2, n) largest
    double T1 = 0.0, T2 = 0.0;           // people in them
};

inline ConcentrationBounds concentration_bounds(const CountMatrix& m, const std::vector<double>& area) {
    ConcentrationBounds b;
    const std::size_t n = m.units;
    b.ascending.resize(n);
    std::iota(b.ascending.begin(), b.ascending.end(), 0);
    std::stable_sort(b.ascending.begin(), b.ascending.end(), [&](std::size_t a, std::size_t c) { return area[a] < area[c]; });
    const double X = m.group_totals[0], T = m.grand_total;
    double cumulative = 0.0;
    b.n1 = n;
    for (std::size_t k = 0; k < n; ++k) {
        cumulative += m.unit_totals[b.ascending[k]];
        if (!(cumulative / T < X / T)) {
            b.n1 = k + 1;
            break;
        }
    }
    cumulative = 0.0;
    std::size_t from_top = n;
    for (std::size_t k = 0; k < n; ++k) {
        cumulative += m.unit_totals[b.ascending[n - 1 - k]];
        if (!(cumulative / T < X / T)) {
            from_top = k + 1;
            break;
        }
    }
    b.n2 = n - from_top;
    for (std::size_t k = 0; k < b.n1; ++k) b.T1 += m.unit_totals[b.ascending[k]];
    for (std::size_t k = b.n2; k < n; ++k) b.T2 += m.unit_totals[b.ascending[k]];
    return b;
}

}  // namespace cohesion::spatial_terms
