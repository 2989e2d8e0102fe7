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
