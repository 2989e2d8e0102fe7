#pragma once
// Drawing whole tables of people, the basis of every resampling method here.
//
// Counts may be fractional (harmonised or interpolated data); resampling draws whole
// people, so the population size is rounded to the nearest integer first (stated in
// docs/conventions.md and in every inference output).
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "core/count_matrix.hpp"

namespace cohesion {

using Engine = std::mt19937_64;

// Binomial(n, p), exact. A fresh distribution per draw: libstdc++ caches a normal deviate
// inside binomial_distribution, which would leak state between replicates.
std::int64_t draw_binomial(std::int64_t n, double p, Engine& engine);

// Multinomial(n, weights / Σ weights) by conditional binomials, into `out` (same length).
void draw_multinomial(std::int64_t n, std::span<const double> weights, std::span<double> out, Engine& engine);

// A bootstrap replicate: round(T) people drawn with replacement from the cells of `m`
// (multinomial with probabilities c_im / T). Units left empty are dropped by the
// zero-population rule when the replicate is rebuilt.
CountMatrix resample_people(const CountMatrix& m, Engine& engine);

// A table with the unit sizes and group sizes of `m` (rounded to whole people) but people
// allocated to units at random: the composition expected with no segregation at all.
// Exactly the permutation distribution (both margins fixed), drawn unit by unit as sequential
// multivariate hypergeometric draws: one random number per person (docs/inference.md §2).
CountMatrix allocate_at_random(const CountMatrix& m, Engine& engine);

}  // namespace cohesion
