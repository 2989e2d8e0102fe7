#pragma once
// Inner loops over count columns shared by the aspatial indices and their replicates (bootstrap,
// randomisation): ln of whole counts from a table, x·ln x sums, share deviations.
//
// Why a separate translation unit: these loops are sums over ~2.5 M cells on a national table,
// and a plain `sum += …` is one long chain of dependent additions (4 cycles each) that the
// compiler may not reorder. count_kernels.cpp alone is compiled with -fassociative-math (and
// -fno-signed-zeros -fno-trapping-math, which it requires; -fno-math-errno for sqrt), so these
// loops keep several partial sums in vector lanes, and each kernel is cloned for x86-64-v3
// (AVX2/FMA) next to the baseline build ([[gnu::target_clones]]: the loader picks the clone the
// CPU supports, so the default build still runs anywhere).
// Partial sums change the order of additions, so results move by rounding only (~1e-16
// relative), far inside the 1e-9 reference tolerance.
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

#include "core/count_matrix.hpp"

namespace cohesion::count_kernels {

// ln k for k = 0 … 65,535 (ln 0 stored as 0, so 0 · table[0] = 0 needs no branch).
// Why: census counts are small whole numbers, so a 512 KiB table answers nearly every
// logarithm an entropy-type index needs, at the cost of a load.
inline constexpr std::size_t log_table_size = std::size_t{1} << 16;
const double* log_table();

// ln c for whole counts below 65,536 from the table, else computed.
inline double log_count(double c) {
    if (c < 65536.0) {
        const auto k = static_cast<std::size_t>(c);
        if (static_cast<double>(k) == c) return log_table()[k];
    }
    return std::log(c);
}

// out_i = ln c_i for n counts (log_count, with the table looked up without branches).
void log_counts(const double* c, double* out, std::size_t n);

// Σ_i c_i ((ln c_i − log_t_i) − log_share) over a column of n cells (the mutual-information
// terms of one group). `whole` is set false, and the sum is meaningless, unless every c_i is a
// whole number in 0 … 65,535; empty cells add c · (…) = +0.
double mutual_information_column(const double* c, const double* log_t, double log_share, std::size_t n,
                                 bool& whole);

// Σ_i (t_i ln t_i − x_i ln x_i − y_i ln y_i), y_i = t_i − x_i: Σ_i t_i E_i for the two-group
// entropy E_i of unit i (0 ln 0 = 0). `whole` is set false (sum meaningless) unless every x_i
// and t_i is a whole number with 0 ≤ x_i ≤ t_i < 65,536.
double unit_entropy_sum(const double* x, const double* t, std::size_t n, bool& whole);

// Σ_i √(x_i (t_i − x_i)) over units with 0 < x_i < t_i (t_i √(p_i (1 − p_i)), Atkinson b = ½).
double root_product_sum(const double* x, const double* t, std::size_t n);

// Σ_i t_i (c_i / t_i − share)² = Σ_i (c_i − share t_i)² / t_i (one group's squared share
// deviations), with inverse_t_i = 1 / t_i given: one division per unit, not one per cell.
double squared_deviation(const double* c, const double* t, const double* inverse_t, double share, std::size_t n);

// Σ_i |c_i − t_i share| (one group's term of the multigroup dissimilarity).
double absolute_deviation(const double* c, const double* t, double share, std::size_t n);

// Whole-matrix passes. Why blocks: a column-major matrix read group by group streams the unit
// totals once per group (2 × 20 MB on a national table), which costs more than the arithmetic;
// blocks of `block_units` units keep their totals in cache while every group's slice of the
// block is read. Blocks run in parallel (TBB) and their partial sums are added in block order,
// so a result depends on the data only, never on the thread count.
inline constexpr std::size_t block_units = 4096;

// Σ_i t_i (π_im − share_m)² for each group m (share has one entry per group).
std::vector<double> squared_deviations(const CountMatrix& m, std::span<const double> share);

// Σ_m Σ_i |c_im − t_i share_m| (share has one entry per group).
double absolute_deviations(const CountMatrix& m, std::span<const double> share);

// Σ_i Σ_m c_im ((ln c_im − ln t_i) − ln(T_m / T)) over groups with T_m > 0: T times the mutual
// information M. Columns that are not whole counts below 65,536 take a per-cell logarithm.
double mutual_information_sum(const CountMatrix& m);

// unit_entropy_sum over all units of a two-group matrix's x and t, block by block in parallel.
double unit_entropy_sum(const CountMatrix& m, bool& whole);

}  // namespace cohesion::count_kernels
