// Entropy index H (Theil's information theory index, two-group).
//
//   E   = P ln(1/P) + (1−P) ln(1/(1−P))          (entropy of the whole area)
//   E_i = p_i ln(1/p_i) + (1−p_i) ln(1/(1−p_i))  (entropy of unit i, 0·ln(1/0) = 0)
//   H   = Σ_i t_i (E − E_i) / (E T)
//
// The share of the area's diversity that is lost by living in units: 0 when every unit is as
// mixed as the whole, 1 when every unit holds one group only. Natural logarithm (the base cancels).
// Source: Theil, H. & Finizza, A. J. (1971). A note on the measurement of racial integration of
// schools by means of informational concepts. Journal of Mathematical Sociology 1(2), 187–193.
// Matches pysal `segregation` Entropy exactly (to rounding).
#include <cmath>

#include "indices/count_kernels.hpp"
#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

// 0·ln(1/0) is taken as its limit 0, so single-group units have zero entropy.
double binary_entropy(double p) {
    if (!(p > 0.0) || !(p < 1.0)) return 0.0;
    return p * std::log(1.0 / p) + (1.0 - p) * std::log(1.0 / (1.0 - p));
}

double entropy(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    const double E = binary_entropy(c.P);
    // Whole counts (every census table): t_i E_i = t_i ln t_i − x_i ln x_i − y_i ln y_i with the
    // logarithms from a table (count_kernels.hpp), so H = 1 − Σ_i t_i E_i / (E T) needs no log()
    // per unit. Σ_i t_i = T, so this is the formula below rearranged.
    bool whole = true;
    const double within = count_kernels::unit_entropy_sum(in.counts, whole);
    if (whole) return (E * c.T - within) / (E * c.T);
    double sum = 0.0;
    for (std::size_t i = 0; i < c.units; ++i) sum += c.t[i] * (E - binary_entropy(c.x[i] / c.t[i]));
    return sum / (E * c.T);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "entropy",
              .title = "Entropy (Theil's H)",
              .description = "Share of the area's two-group diversity (entropy) lost because people live in units "
                             "less mixed than the area.",
              .formula = "H = sum_i t_i (E - E_i) / (E T), E = P ln(1/P) + (1-P) ln(1/(1-P)), E_i likewise with p_i",
              .reference = "Theil, H. & Finizza, A. J. (1971). A note on the measurement of racial integration of "
                           "schools by means of informational concepts. Journal of Mathematical Sociology 1(2), "
                           "187-193.",
              .library_name = "Entropy",
              .groups = IndexGroups::two_group},
    entropy,
    {}}};

}  // namespace
}  // namespace cohesion
