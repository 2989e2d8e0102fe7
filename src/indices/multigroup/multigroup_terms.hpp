#pragma once
// Shared arithmetic of the multigroup indices (Reardon & Firebaugh 2002 notation):
// π_m = T_m / T (overall share of group m), π_im = c_im / t_i (its share in unit i),
// I = Σ_m π_m (1 − π_m) (Simpson's interaction), E = −Σ_m π_m ln π_m (entropy).
// Several indices are weighted sums of squared share deviations; they share one pass.
#include <cmath>
#include <vector>

#include "core/count_matrix.hpp"
#include "indices/count_kernels.hpp"

namespace cohesion::multigroup_terms {

inline std::vector<double> overall_shares(const CountMatrix& m) {
    std::vector<double> pi(m.groups);
    for (std::size_t g = 0; g < m.groups; ++g) pi[g] = m.group_totals[g] / m.grand_total;
    return pi;
}

inline double interaction(const std::vector<double>& pi) {
    double I = 0.0;
    for (double p : pi) I += p * (1.0 - p);
    return I;
}

// x ln x with the limit 0 at x = 0.
inline double x_log_x(double x) { return x > 0.0 ? x * std::log(x) : 0.0; }

inline double entropy(const std::vector<double>& pi) {
    double E = 0.0;
    for (double p : pi) E -= x_log_x(p);
    return E;
}

// Σ_i t_i (π_im − π_m)² for each group m, in one blocked pass over the matrix (count_kernels.hpp).
inline std::vector<double> squared_deviations(const CountMatrix& m, const std::vector<double>& pi) {
    return count_kernels::squared_deviations(m, pi);
}

using count_kernels::log_count;

// Mutual information M = Σ_i Σ_m p_im ln(p_im / (p_i p_m)), p_im = c_im / T (natural log).
// Each cell's ln(c T / (t_i T_m)) is ln c − ln t_i − ln(T_m / T): a table look-up (log_count),
// one logarithm per unit and one per group instead of one per cell. The terms are subtracted
// per cell (not summed separately over cells, units and groups, which cancels ~1e9-sized sums
// down to ~1e7 and costs 1e-12), so the result keeps ~1e-15 absolute accuracy.
// A column of whole counts below 65,536 (every column of a replicate, nearly every census
// column) is summed without branches (count_kernels.hpp): empty cells add c · (0 − …) = +0,
// which leaves the sum exactly as skipping them would, and most cells of a small group are
// empty, so a branch per cell mispredicted often. Other columns take a logarithm per cell.
inline double mutual_information(const CountMatrix& m) { return count_kernels::mutual_information_sum(m) / m.grand_total; }

}  // namespace cohesion::multigroup_terms
