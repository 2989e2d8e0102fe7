#pragma once
// Units ordered by distance of their centroid from the town centre — the mean of the
// unit centroids (pysal's center="mean") or their coordinate-wise median.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "indices/spatial/spatial_terms.hpp"

namespace cohesion::spatial_terms {

inline std::vector<std::size_t> order_by_distance_from_centre(const UnitGeometry& g, bool median) {
    const std::size_t n = g.x.size();
    double cx = 0.0, cy = 0.0;
    if (median) {
        auto med = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            const std::size_t h = v.size() / 2;
            return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
        };
        cx = med(g.x);
        cy = med(g.y);
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            cx += g.x[i];
            cy += g.y[i];
        }
        cx /= static_cast<double>(n);
        cy /= static_cast<double>(n);
    }
    std::vector<double> d(n);
    for (std::size_t i = 0; i < n; ++i) d[i] = std::hypot(g.x[i] - cx, g.y[i] - cy);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d[a] < d[b]; });
    return order;
}

// Σ_i (C1_{i−1} C2_i − C1_i C2_{i−1}) over cumulative shares C1, C2 in `order` — the area
// between two cumulative distributions (Duncan's centralisation form).
inline double cumulative_cross(const std::vector<std::size_t>& order, const std::vector<double>& first,
                               const std::vector<double>& second) {
    const double t1 = std::accumulate(first.begin(), first.end(), 0.0);
    const double t2 = std::accumulate(second.begin(), second.end(), 0.0);
    double c1 = 0.0, c2 = 0.0, sum = 0.0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const double n1 = c1 + first[order[k]] / t1, n2 = c2 + second[order[k]] / t2;
        if (k > 0) sum += c1 * n2 - n1 * c2;
        c1 = n1;
        c2 = n2;
    }
    return sum;
}

}  // namespace cohesion::spatial_terms
