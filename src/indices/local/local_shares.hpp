#pragma once
// The per-unit log-ratio term shared by the local segregation score and local
// divergence: ls_i = Σ_m π_im ln(π_im / π_m) (0 ln 0 = 0).
#include <cmath>
#include <vector>

#include "core/count_matrix.hpp"

namespace cohesion::local_terms {

inline std::vector<double> local_segregation_scores(const CountMatrix& m) {
    std::vector<double> ls(m.units, 0.0);
    for (std::size_t g = 0; g < m.groups; ++g) {
        const double pi_g = m.group_totals[g] / m.grand_total;
        const double* col = m.cells.data() + g * m.units;
        for (std::size_t i = 0; i < m.units; ++i) {
            const double share = col[i] / m.unit_totals[i];
            if (share > 0.0) ls[i] += share * std::log(share / pi_g);
        }
    }
    return ls;
}

}  // namespace cohesion::local_terms
