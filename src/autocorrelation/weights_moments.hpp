#pragma once
// The weight-matrix constants S0, S1, S2 used by Moran's I moments, computed once.
#include "weights/weights.hpp"

namespace cohesion {

struct WeightsMoments {
    double S0 = 0.0;  // Σ_ij w_ij
    double S1 = 0.0;  // ½ Σ_ij (w_ij + w_ji)²
    double S2 = 0.0;  // Σ_i (w_i. + w_.i)²
};

WeightsMoments weights_moments(const Weights& w);

}  // namespace cohesion
