#pragma once
// Global Moran's I with its analytical moments under normality and randomisation.
//
//   I = (n / S0) · Σ_i Σ_j w_ij z_i z_j / Σ_i z_i²,   z = y − ȳ
//   E[I] = −1 / (n − 1)
//   Var_N[I] = (n² S1 − n S2 + 3 S0²) / ((n² − 1) S0²) − E[I]²
//   Var_R[I] = [n((n² − 3n + 3) S1 − n S2 + 3 S0²) − b2((n² − n) S1 − 2n S2 + 6 S0²)]
//              / ((n − 1)(n − 2)(n − 3) S0²) − E[I]²,   b2 = n Σ z⁴ / (Σ z²)²
// S0 = Σ w_ij, S1 = ½ Σ (w_ij + w_ji)², S2 = Σ_i (w_i. + w_.i)².
// Source: Moran, P. A. P. (1950). Notes on continuous stochastic phenomena. Biometrika
// 37, 17–23; moments from Cliff, A. D. & Ord, J. K. (1981). Spatial Processes. Pion.
// Matches pysal esda.Moran and R spdep::moran.test.
#include <cstdint>
#include <span>

#include "weights/weights.hpp"

namespace cohesion {

struct GlobalMoran {
    double I, expected, variance_normal, variance_randomisation;
    double z_normal, z_randomisation;
    double p_normal_two_sided, p_randomisation_two_sided;
    double S0, S1, S2, kurtosis_b2;
    std::size_t n;
    // Permutation inference (when permutations > 0): pseudo p-value, folded one-sided as esda.
    int permutations = 0;
    double p_permutation = 0.0;
};

GlobalMoran global_moran(std::span<const double> y, const Weights& w, int permutations = 0,
                         std::uint64_t seed = 20170601);

}  // namespace cohesion
