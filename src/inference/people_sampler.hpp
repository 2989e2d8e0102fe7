#pragma once
// PeopleSampler — fast exact multinomial resampling of a whole table, for the bootstrap.
//
// Drawing Multinomial(n, p) over millions of cells by conditional binomials costs one
// binomial set-up per cell per replicate. Instead we Poissonise: x_c ~ Poisson(n p_c)
// independently, so S = Σ x_c ~ Poisson(n) and, given S, x ~ Multinomial(S, p). Then
//   S > n: remove S − n of the drawn people uniformly at random (thinning keeps it
//          multinomial), or
//   S < n: add n − S people drawn i.i.d. from p (alias method),
// which yields exactly Multinomial(n, p). |S − n| is about √n, so the correction is cheap.
// The Poisson parameters n p_c do not change between replicates, and census counts take
// few distinct values, so each distinct parameter's distribution is set up once (as a
// CDF table for small means).
// Source: the Poissonisation identity, e.g. Devroye, L. (1986). Non-Uniform Random
// Variate Generation. Springer, ch. XI; alias method: Walker (1977), Vose (1991).
#include <cstdint>
#include <random>
#include <vector>

#include "core/count_matrix.hpp"

namespace cohesion {

class PeopleSampler {
public:
    explicit PeopleSampler(const CountMatrix& counts);

    // One replicate table: round(T) people drawn with replacement from the cells.
    CountMatrix draw(std::mt19937_64& engine) const;
    std::int64_t people() const noexcept { return people_; }

private:
    std::size_t draw_cell(std::mt19937_64& engine) const;  // alias method

    const CountMatrix& counts_;
    std::int64_t people_;
    std::vector<std::uint32_t> cell_;                       // non-empty cells
    std::vector<std::uint32_t> parameter_of_cell_;          // index into parameters_
    std::vector<std::poisson_distribution<std::int64_t>::param_type> parameters_;
    // Small means (most cells of a census table): inversion through a precomputed CDF
    // table, one uniform and a short search per draw; empty for large means.
    std::vector<std::vector<double>> cdf_;
    std::vector<double> alias_probability_;                 // over non-empty cells
    std::vector<std::uint32_t> alias_;
};

}  // namespace cohesion
