#pragma once
// Shared arithmetic of the multigroup indices (Reardon & Firebaugh 2002 notation):
// π_m = T_m / T (overall share of group m), π_im = c_im / t_i (its share in unit i),
// I = Σ_m π_m (1 − π_m) (Simpson's interaction), E = −Σ_m π_m ln π_m (entropy).
// Several indices are weighted sums of squared share deviations; they share one pass.
#include <cmath>
#include <vector>

#include "core/count_matrix.hpp"

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

// Σ_i t_i (π_im − π_m)² for each group m, in one pass over the matrix.
inline std::vector<double> squared_deviations(const CountMatrix& m, const std::vector<double>& pi) {
    std::vector<double> out(m.groups, 0.0);
    for (std::size_t g = 0; g < m.groups; ++g) {
        const double* col = m.cells.data() + g * m.units;
        double sum = 0.0;
        for (std::size_t i = 0; i < m.units; ++i) {
            const double d = col[i] / m.unit_totals[i] - pi[g];
            sum += m.unit_totals[i] * d * d;
        }
        out[g] = sum;
    }
    return out;
}

// ln k for k = 0 … 65,535 (ln 0 stored as 0, so 0 · table[0] = 0 needs no branch).
// Why: M is evaluated on every bootstrap replicate (whole people), and a logarithm per cell was
// most of its cost; census counts are small whole numbers, so a 512 KiB table answers nearly all.
inline constexpr std::size_t log_table_size = std::size_t{1} << 16;
inline const double* log_table() {
    static const std::vector<double> table = [] {
        std::vector<double> t(log_table_size, 0.0);
        for (std::size_t k = 1; k < t.size(); ++k) t[k] = std::log(static_cast<double>(k));
        return t;
    }();
    return table.data();
}

// ln c for whole counts below 65,536 from the table, else computed.
inline double log_count(double c) {
    if (c < 65536.0) {
        const auto k = static_cast<std::size_t>(c);
        if (static_cast<double>(k) == c) return log_table()[k];
    }
    return std::log(c);
}

// Mutual information M = Σ_i Σ_m p_im ln(p_im / (p_i p_m)), p_im = c_im / T (natural log).
// Each cell's ln(c T / (t_i T_m)) is ln c − ln t_i − ln(T_m / T): a table look-up (log_count),
// one logarithm per unit and one per group instead of one per cell. The terms are subtracted
// per cell (not summed separately over cells, units and groups, which cancels ~1e9-sized sums
// down to ~1e7 and costs 1e-12), so the result keeps ~1e-15 absolute accuracy.
// A column of whole counts below 65,536 (every column of a replicate, nearly every census
// column) is summed without branches: empty cells add c · (0 − …) = +0, which leaves the sum
// exactly as skipping them would, and most cells of a small group are empty, so a branch per
// cell mispredicted often. Other columns take the general path.
inline double mutual_information(const CountMatrix& m) {
    thread_local std::vector<double> log_t;
    log_t.resize(m.units);
    for (std::size_t i = 0; i < m.units; ++i) log_t[i] = log_count(m.unit_totals[i]);
    const double* table = log_table();
    double M = 0.0;
    for (std::size_t g = 0; g < m.groups; ++g) {
        const double* col = m.cells.data() + g * m.units;
        const double Tg = m.group_totals[g];
        if (!(Tg > 0.0)) continue;
        const double log_share = std::log(Tg / m.grand_total);
        bool whole = true;
        double sum = 0.0;
        for (std::size_t i = 0; i < m.units; ++i) {
            const double c = col[i];
            const bool ok = c >= 0.0 && c < 65536.0;
            const auto k = static_cast<std::size_t>(ok ? c : 0.0);
            whole &= ok && static_cast<double>(k) == c;
            sum += c * ((table[k] - log_t[i]) - log_share);
        }
        if (!whole) {
            sum = 0.0;
            for (std::size_t i = 0; i < m.units; ++i)
                if (col[i] > 0.0) sum += col[i] * ((log_count(col[i]) - log_t[i]) - log_share);
        }
        M += sum;
    }
    return M / m.grand_total;
}

}  // namespace cohesion::multigroup_terms
