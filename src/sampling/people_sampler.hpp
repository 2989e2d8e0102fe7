#pragma once
// Fast exact multinomial draws of whole tables, for the bootstrap and simulated indices.
//
// Drawing Multinomial(n, p) over millions of cells by conditional binomials costs one
// binomial set-up per cell per replicate. Instead we Poissonise: x_c ~ Poisson(n p_c)
// independently, so S = Σ x_c ~ Poisson(n) and, given S, x ~ Multinomial(S, p). Then
//   S > n: remove S − n of the drawn people uniformly at random (thinning keeps it
//          multinomial), or
//   S < n: add n − S people drawn i.i.d. from p (alias method),
// which yields exactly Multinomial(n, p). |S − n| is about √n, so the correction is cheap.
// The Poisson parameters n p_c do not change between replicates, and census counts take
// few distinct values, so each distinct parameter's distribution is tabulated once as an
// alias table (one engine call per cell; lattice_alias.hpp).
// Source: the Poissonisation identity, e.g. Devroye, L. (1986). Non-Uniform Random
// Variate Generation. Springer, ch. XI; alias method: Walker (1977), Vose (1991).
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "core/count_matrix.hpp"
#include "sampling/lattice_alias.hpp"

namespace cohesion {

// Multinomial(n, w / Σw) over a fixed weight vector, drawn many times.
class MultinomialSampler {
public:
    MultinomialSampler(std::span<const double> weights, std::int64_t n);

    // Working memory of one thread, reused across draws (no allocation per replicate).
    struct Scratch {
        std::vector<std::int64_t> drawn, tree;
    };
    // Counts per weight into `out` (same length as the weights).
    void draw(std::mt19937_64& engine, std::span<double> out, Scratch& scratch) const;
    std::int64_t trials() const noexcept { return n_; }

private:
    std::size_t weights_ = 0;
    std::int64_t n_ = 0;
    std::vector<std::uint32_t> index_;             // positive weights
    std::vector<std::uint32_t> parameter_of_;      // per positive weight: index into means_
    std::vector<double> means_;                    // distinct Poisson means n p
    std::vector<LatticeAlias> tables_;             // per distinct mean (empty table: mean too large)
    LatticeAlias cell_;                            // over positive weights, for adding people
};

class PeopleSampler {
public:
    explicit PeopleSampler(const CountMatrix& counts);

    // One replicate table: round(T) people drawn with replacement from the cells.
    CountMatrix draw(std::mt19937_64& engine) const;
    // The replicate's cells (column-major like counts.cells) into `cells`, no allocation.
    void draw_cells(std::mt19937_64& engine, std::vector<double>& cells, MultinomialSampler::Scratch& scratch) const;
    std::int64_t people() const noexcept { return sampler_.trials(); }

private:
    const CountMatrix& counts_;
    MultinomialSampler sampler_;
};

}  // namespace cohesion
