#pragma once
// Shared pieces of the spatial two-group indices: checked access to the weights and
// geometry, focal shares z_i = x_i / t_i, and the weighted mean absolute difference of
// neighbours' shares that the Morrill/Wong family subtracts from D.
#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "indices/index.hpp"
#include "weights/unit_geometry.hpp"
#include "weights/weights.hpp"

namespace cohesion::spatial_terms {

inline const Weights& weights(const IndexInput& in, const std::string& index) {
    if (!in.params.weights) throw Error("'" + index + "' needs spatial weights (give boundaries)");
    if (in.params.weights->n != in.counts.units)
        throw Error("'" + index + "': weights have " + std::to_string(in.params.weights->n) + " rows for " +
                    std::to_string(in.counts.units) + " areas");
    return *in.params.weights;
}

inline const UnitGeometry& geometry(const IndexInput& in, const std::string& index) {
    if (!in.params.geometry) throw Error("'" + index + "' needs the areas' boundaries");
    if (in.params.geometry->area_km2.size() != in.counts.units)
        throw Error("'" + index + "': geometry has " + std::to_string(in.params.geometry->area_km2.size()) +
                    " areas for " + std::to_string(in.counts.units));
    return *in.params.geometry;
}

inline std::vector<double> focal_shares(const CountMatrix& m) {
    std::vector<double> z(m.units);
    for (std::size_t i = 0; i < m.units; ++i) z[i] = m.at(i, 0) / m.unit_totals[i];
    return z;
}

// Σ_ij c_ij |z_i − z_j| · f(i, j) / normaliser, over the links of c.
template <class Factor>
double neighbour_difference(const Weights& c, const std::vector<double>& z, Factor factor) {
    double sum = 0.0;
    for (std::size_t i = 0; i < c.n; ++i) {
        const auto nb = c.neighbours_of(i);
        const auto w = c.weights_of(i);
        for (std::size_t k = 0; k < nb.size(); ++k) sum += w[k] * std::abs(z[i] - z[nb[k]]) * factor(i, nb[k]);
    }
    return sum;
}

inline double total_weight(const Weights& c) {
    double s = 0.0;
    for (double v : c.values) s += v;
    return s;
}

}  // namespace cohesion::spatial_terms
