#pragma once
// Benjamini–Hochberg false-discovery-rate control for many local tests at once.
// Returns BH-adjusted p-values (q-values): q_(k) = min_{m ≥ k} p_(m) · n / m, capped at 1.
// Source: Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate.
// Journal of the Royal Statistical Society B 57(1), 289–300.
#include <span>
#include <vector>

namespace cohesion {

std::vector<double> benjamini_hochberg(std::span<const double> p_values);

}  // namespace cohesion
