#pragma once
// Fast exact multinomial draws of whole tables, for the bootstrap and simulated indices.
//
// Drawing Multinomial(n, p) over millions of cells by conditional binomials costs one
// binomial set-up per cell per replicate. Instead we Poissonise: x_c ~ Poisson(n p_c)
// independently, so S = Σ x_c ~ Poisson(n) and, given S, x ~ Multinomial(S, p). Then
//   S > n: remove S − n of the drawn people uniformly at random (thinning keeps it
//          multinomial), or
//   S < n: add n − S people drawn i.i.d. from p (alias method),
// which yields exactly Multinomial(n, p). |S − n| is a few √n, so the correction is cheap.
// The Poisson parameters n p_c do not change between replicates, and census counts take
// few distinct values, so each distinct parameter's distribution is tabulated once as an
// alias table (one random number per cell; lattice_alias.hpp).
// Source: the Poissonisation identity, e.g. Devroye, L. (1986). Non-Uniform Random
// Variate Generation. Springer, ch. XI; alias method: Walker (1977), Vose (1991).
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "core/count_matrix.hpp"
#include "sampling/lattice_alias.hpp"
#include "sampling/random.hpp"

namespace cohesion {

// Multinomial(n, w / Σw) over a fixed weight vector, drawn many times.
//
// Speed (a bootstrap draws ~2.5 M cells per national replicate): one flat array of 8-byte alias
// entries for all distinct Poisson means (one cache line per draw), a parameter slot per weight (zero
// weights draw from the point mass at 0, so the loop has no branch), xoshiro256++ seeded from
// the caller's engine, removal of surplus people by a sorted sample of distinct positions and
// a scan of only the blocks of cells that hold one (no tree), and no allocation once the scratch has grown.
class MultinomialSampler {
public:
    MultinomialSampler(std::span<const double> weights, std::int64_t n);

    // Working memory of one thread, reused across draws (no allocation per replicate).
    struct Scratch {
        std::vector<std::uint64_t> picks;  // positions of surplus people to remove
        std::vector<std::int64_t> blocks;  // people per block of consecutive cells
    };
    // Counts per weight into `out` (same length as the weights).
    void draw(std::mt19937_64& engine, std::span<double> out, Scratch& scratch) const;
    // The same draw with `out` read as consecutive columns of `rows` entries; also writes each
    // row's sum into row_sums (length rows) and each column's into column_sums, in the same pass.
    void draw_table(std::mt19937_64& engine, std::span<double> out, std::size_t rows, std::span<double> row_sums,
                    std::span<double> column_sums, Scratch& scratch) const;
    std::int64_t trials() const noexcept { return n_; }

private:
    struct Parameter {
        std::uint32_t offset = 0, size = 0;  // entries_[offset, offset + size); size 0: mean too large
        std::int64_t lo = 0;
        double mean = 0.0;
    };
    std::int64_t draw_one(const Parameter& p, FastRandom& random) const;
    template <bool sums>
    void draw_impl(std::mt19937_64& engine, std::span<double> out, std::size_t rows, std::span<double> row_sums,
                   std::span<double> column_sums, Scratch& scratch) const;

    std::size_t weights_ = 0;
    std::int64_t n_ = 0;
    std::vector<std::uint32_t> index_;             // positive weights, in order
    std::vector<std::uint32_t> parameter_of_;      // per weight: index into parameters_ (0: weight 0)
    std::vector<Parameter> parameters_;            // per distinct Poisson mean n p
    std::vector<std::uint64_t> entries_;           // alias tables of all parameters, back to back (packed)
    LatticeAlias cell_;                            // over positive weights, for adding people
};

class PeopleSampler {
public:
    explicit PeopleSampler(const CountMatrix& counts);

    // One replicate table: round(T) people drawn with replacement from the cells.
    CountMatrix draw(std::mt19937_64& engine) const;
    // The same replicate into `out`, reusing its buffers (no allocation once sized): cells,
    // totals and the zero-population rule as make_count_matrix would give.
    void draw_into(std::mt19937_64& engine, CountMatrix& out, MultinomialSampler::Scratch& scratch) const;
    std::int64_t people() const noexcept { return sampler_.trials(); }

private:
    const CountMatrix& counts_;
    MultinomialSampler sampler_;
};

}  // namespace cohesion
