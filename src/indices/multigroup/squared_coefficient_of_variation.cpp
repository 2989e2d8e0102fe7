// Squared coefficient of variation (multigroup).
//
//   C = Σ_m Σ_i t_i (π_im − π_m)² / ((K − 1) T π_m)
//
// The population-weighted variance of each group's share across units, relative to its
// maximum, averaged over the K groups.
// Source: Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.
// Matches pysal `segregation` MultiSquaredCoefficientVariation to 1e-9 relative on the Bedford reference.
#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double squared_coefficient_of_variation(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    const auto pi = overall_shares(m);
    const auto deviations = squared_deviations(m, pi);
    double sum = 0.0;
    for (std::size_t g = 0; g < m.groups; ++g)
        if (pi[g] > 0.0) sum += deviations[g] / pi[g];
    return sum / ((static_cast<double>(m.groups) - 1.0) * m.grand_total);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "squared_coefficient_of_variation",
              .title = "Squared coefficient of variation",
              .description = "Variance of group shares across areas, relative to their maximum, averaged over groups.",
              .formula = "C = sum_m sum_i t_i (pi_im - pi_m)^2 / ((K - 1) T pi_m)",
              .reference = "Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.",
              .library_name = "MultiSquaredCoefVar",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = 1.0},
    squared_coefficient_of_variation,
    {}}};

}  // namespace
}  // namespace cohesion
