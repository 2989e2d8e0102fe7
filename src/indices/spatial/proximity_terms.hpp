#pragma once
// The proximity sums shared by White's spatial proximity, Massey & Denton's clustering
// and Morgan's distance-decay indices, in one O(N²) pass (TBB over areas):
//   c_ij = exp(−d_ij),  d_ij between centroids in `unit` metres,
//   c_ii = exp(−(0.6 a_i)^½) with a_i in unit² (Massey & Denton's within-area distance).
// Per area i: Σ_j c_ij x_j, Σ_j c_ij y_j, Σ_j c_ij t_j, Σ_j c_ij, and the area-weighted
// decay sums Σ_j a_j c_ij x_j/t_j, Σ_j a_j c_ij y_j/t_j, Σ_j a_j c_ij.
#include <tbb/parallel_for.h>

#include <cmath>
#include <vector>

#include "indices/spatial/spatial_terms.hpp"

namespace cohesion::spatial_terms {

struct ProximitySums {
    std::vector<double> cx, cy, ct, c1;  // Σ_j c_ij (x_j, y_j, t_j, 1)
    std::vector<double> kx, ky, k1;      // Σ_j a_j c_ij (x_j/t_j, y_j/t_j, 1)
};

// O(N²): beyond this many areas the cost (minutes) is refused with a clear message.
inline constexpr std::size_t kMaxProximityUnits = 60000;

inline ProximitySums proximity_sums(const CountMatrix& m, const UnitGeometry& g, double unit_m,
                                    const std::string& index) {
    const std::size_t n = m.units;
    if (n > kMaxProximityUnits)
        throw Error("'" + index + "' compares every pair of areas; " + std::to_string(n) +
                    " areas is beyond the supported " + std::to_string(kMaxProximityUnits) +
                    " (aggregate to a coarser level first, e.g. " + field_ref("aggregate") + " LSOA)");
    ProximitySums s;
    for (auto* v : {&s.cx, &s.cy, &s.ct, &s.c1, &s.kx, &s.ky, &s.k1}) v->assign(n, 0.0);
    const double unit_km2 = (unit_m / 1000.0) * (unit_m / 1000.0);
    std::vector<double> area(n);  // in unit²
    for (std::size_t i = 0; i < n; ++i) area[i] = g.area_km2[i] / unit_km2;
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
        for (std::size_t j = 0; j < n; ++j) {
            const double c = i == j ? std::exp(-std::sqrt(0.6 * area[i]))
                                    : std::exp(-std::hypot(g.x[i] - g.x[j], g.y[i] - g.y[j]) / unit_m);
            const double xj = m.at(j, 0), yj = m.at(j, 1), tj = m.unit_totals[j];
            s.cx[i] += c * xj;
            s.cy[i] += c * yj;
            s.ct[i] += c * tj;
            s.c1[i] += c;
            const double ac = area[j] * c;
            s.kx[i] += ac * xj / tj;
            s.ky[i] += ac * yj / tj;
            s.k1[i] += ac;
        }
    });
    return s;
}

}  // namespace cohesion::spatial_terms
