// Multigroup normalized exposure (multigroup).
//
//   P = Σ_m Σ_i t_i (π_im − π_m)² / (T (1 − π_m))
//
// The average, over groups, of how much more each group is exposed to itself than it
// would be under even spread, normalised by its maximum (James 1986's P*).
// Source: James, F. J. (1986). A new generalized 'exposure-based' segregation index. Sociological Methods & Research 14(3), 301-316; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.
// Matches pysal `segregation` MultiNormalizedExposure to 1e-9 relative on the Bedford reference.
#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double normalized_exposure(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    const auto pi = overall_shares(m);
    const auto deviations = squared_deviations(m, pi);
    double P = 0.0;
    for (std::size_t g = 0; g < m.groups; ++g) P += deviations[g] / (1.0 - pi[g]);
    return P / m.grand_total;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "normalized_exposure",
              .title = "Multigroup normalized exposure",
              .description = "How much more each group is exposed to its own members than under an even spread, normalised.",
              .formula = "P = sum_m sum_i t_i (pi_im - pi_m)^2 / (T (1 - pi_m))",
              .reference = "James, F. J. (1986). A new generalized 'exposure-based' segregation index. Sociological Methods & Research 14(3), 301-316; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.",
              .library_name = "MultiNormExposure",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = 1.0},
    normalized_exposure,
    {}}};

}  // namespace
}  // namespace cohesion
