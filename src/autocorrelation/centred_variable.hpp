#pragma once
// The deviations z = y − ȳ and their moments, shared by Moran's I (global and local):
// one place for the centring and for the "constant variable" error.
#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace cohesion {

struct CentredVariable {
    std::vector<double> z;
    double mean = 0.0;
    double m2 = 0.0;  // Σ z² / n
    double m4 = 0.0;  // Σ z⁴ / n
};

inline CentredVariable centre(std::span<const double> y, const std::string& statistic) {
    CentredVariable c;
    const double n = static_cast<double>(y.size());
    for (double v : y) c.mean += v;
    c.mean /= n;
    c.z.resize(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
        c.z[i] = y[i] - c.mean;
        const double z2 = c.z[i] * c.z[i];
        c.m2 += z2;
        c.m4 += z2 * z2;
    }
    c.m2 /= n;
    c.m4 /= n;
    if (!(c.m2 > 0.0)) throw Error(statistic + " is undefined: the variable is constant across areas");
    return c;
}

// Pseudo p-value of a permutation test, folded one-sided as pysal esda does:
// (min(#≥ observed, #< observed) + 1) / (permutations + 1).
inline double folded_pseudo_p(std::size_t at_least_observed, int permutations) {
    const auto total = static_cast<std::size_t>(permutations);
    const std::size_t folded = std::min(at_least_observed, total - at_least_observed);
    return (static_cast<double>(folded) + 1.0) / (static_cast<double>(permutations) + 1.0);
}

}  // namespace cohesion
