#pragma once
// Local Moran's I (LISA) with analytical moments and conditional permutation inference.
//
//   I_i = (z_i / m2) Σ_j w_ij z_j,  z = y − ȳ,  m2 = Σ z² / n          (Anselin 1995; spdep)
//   I_i(esda) = (n − 1)/n · I_i  — pysal esda's scaling, reported alongside.
// Moments under total randomisation (Sokal, Oden & Thomson 1998; spdep::localmoran):
//   E[I_i] = −w_i / (n − 1),  w_i = Σ_j w_ij
//   Var[I_i] = w_i(2)(n − b2)/(n − 1) + (w_i² − w_i(2))(2 b2 − n)/((n − 1)(n − 2)) − E[I_i]²
//   with w_i(2) = Σ_j w_ij², b2 = m4 / m2².
// Conditional on z_i (spdep::localmoran(conditional = TRUE)):
//   E[I_i] = −(z_i² / m2) w_i / (n − 1)
//   Var[I_i] = (z_i / m2)² · n/(n − 2) · (w_i(2) − w_i²/(n − 1)) · (m2 − z_i²/(n − 1))
// Pseudo p-values: z_i fixed, the other n − 1 values permuted (Anselin 1995); each area
// draws from its own (seed, area) engine, so results do not depend on threads; p is
// folded one-sided as in esda: (min(#≥, #≤) + 1) / (permutations + 1).
// Quadrants (Moran scatterplot): 1 HH, 2 LH, 3 LL, 4 HL (esda's numbering).
// Source: Anselin, L. (1995). Local indicators of spatial association — LISA.
// Geographical Analysis 27(2), 93–115.
#include <cstdint>
#include <span>
#include <functional>
#include <stop_token>
#include <vector>

#include "weights/weights.hpp"

namespace cohesion {

struct LocalMoran {
    std::vector<double> z_standardised;  // (y − ȳ) / sd (ddof 0)
    std::vector<double> lag;             // Σ_j w_ij y_j with the weights as given
    std::vector<double> I;               // Anselin / spdep scaling
    std::vector<double> I_esda;          // (n − 1)/n · I
    std::vector<double> expected_total, variance_total, z_total;
    std::vector<double> expected_conditional, variance_conditional, z_conditional;
    std::vector<int> quadrant;                // 1 HH, 2 LH, 3 LL, 4 HL; 0 for islands
    std::vector<double> p_permutation;        // empty when permutations == 0
    int permutations = 0;
};

LocalMoran local_moran(std::span<const double> y, const Weights& w, int permutations = 999,
                       std::uint64_t seed = 20170601, const std::stop_token& stop = {},
                       const std::function<void()>& area_tested = {});

}  // namespace cohesion
