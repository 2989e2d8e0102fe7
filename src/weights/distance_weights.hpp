#pragma once
// Distance-based spatial weights on area centroids (projected, metres), found with a
// k-d tree (nanoflann): k nearest neighbours, distance band, and kernels.
//
// Kernel conventions follow libpysal's Kernel: z = d / h for neighbours within the
// bandwidth h (fixed, or adaptive: h_i = distance to the i-th area's k-th nearest
// neighbour), k(z) = triangular 1 − z, uniform ½, quadratic (Epanechnikov) ¾(1 − z²),
// quartic (bisquare) 15/16 (1 − z²)², gaussian exp(−z²/2)/√(2π). The area itself is a
// neighbour with weight k(0), or 1 with `self_weight_one` (pysal segregation's local
// environments use fill_diagonal, i.e. 1).
// Source: Silverman, B. W. (1986). Density Estimation for Statistics and Data Analysis.
// Chapman & Hall; Fotheringham, Brunsdon & Charlton (2002). Geographically Weighted Regression.
#include <string>
#include <vector>

#include "weights/weights.hpp"

namespace cohesion {

struct Points {
    std::vector<double> x, y;
    std::vector<std::string> ids;
    std::size_t size() const { return x.size(); }
};

enum class KernelFunction { triangular, uniform, quadratic, quartic, gaussian };
KernelFunction parse_kernel_function(const std::string& name);
std::string to_string(KernelFunction f);

struct KernelOptions {
    KernelFunction function = KernelFunction::triangular;
    double bandwidth = 0.0;   // metres, fixed; used when adaptive_k == 0
    int adaptive_k = 0;       // > 0: adaptive bandwidth from the k-th nearest neighbour
    bool self_weight_one = false;
};

Weights knn_weights(const Points& points, int k);
// Neighbours within `threshold` metres (excluding self); weights 1, or d^(−power) if power > 0.
Weights distance_band_weights(const Points& points, double threshold, double power = 0.0);
Weights kernel_weights(const Points& points, const KernelOptions& options);

}  // namespace cohesion
