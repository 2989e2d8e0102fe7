#pragma once
// D expected under random allocation, simulated as the R package MLID does (`id(..., expected =
// TRUE)`; Harris 2017), so cohesion can print the same chance level beside D.
//
// Each draw: area sizes N_i ~ Binomial(N, n_i/N) independently (n_i the area's total population,
// N = Σ n_i), then Y_i ~ Binomial(N_i, Y/N) and X_i ~ Binomial(N_i, X/N) independently, and
// D* = ½ Σ |Y_i/ΣY_i − X_i/ΣX_i|. The expected value is the mean of D* over the draws. It shows
// how much of D small groups in small areas produce by chance alone (MLID suggests aggregating
// when it is a large share of D). Draw r uses replicate_engine(seed, r): thread-count independent.
// Binomials with both tails' means ≥ 30 use the normal approximation (see the .cpp).
#include <cstddef>
#include <cstdint>
#include <span>

namespace cohesion {

struct ExpectedDissimilarity {
    double mean = 0.0;
    double sd = 0.0;  // of D* over the draws
    std::size_t draws = 0;
    std::uint64_t seed = 0;
};

// y, x, total: per area; total ≥ y + x is each area's whole population (e.g. Persons).
ExpectedDissimilarity expected_dissimilarity(std::span<const double> y, std::span<const double> x,
                                             std::span<const double> total, std::size_t draws, std::uint64_t seed);

}  // namespace cohesion
