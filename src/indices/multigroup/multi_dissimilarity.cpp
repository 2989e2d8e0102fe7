// Multigroup dissimilarity (multigroup).
//
//   D = Σ_m Σ_i t_i |π_im − π_m| / (2 T I),   I = Σ_m π_m (1 − π_m)
//
// The share of people who would have to move for every unit to have the town's
// composition, relative to the most that could ever have to move.
// Source: Sakoda, J. M. (1981). A generalized index of dissimilarity. Demography 18(2), 245-250; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.
// Matches pysal `segregation` MultiDissim to 1e-9 relative on the Bedford reference.
#include <cmath>

#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double multi_dissimilarity(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    const auto pi = overall_shares(m);
    const double sum = count_kernels::absolute_deviations(m, pi);
    return sum / (2.0 * m.grand_total * interaction(pi));
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "multi_dissimilarity",
              .title = "Multigroup dissimilarity",
              .description = "Share of people who would have to move for every area to have the overall composition, relative to its maximum.",
              .formula = "D = sum_m sum_i t_i |pi_im - pi_m| / (2 T I), I = sum_m pi_m (1 - pi_m)",
              .reference = "Sakoda, J. M. (1981). A generalized index of dissimilarity. Demography 18(2), 245-250; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.",
              .library_name = "MultiDissim",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = 1.0},
    multi_dissimilarity,
    {}}};

}  // namespace
}  // namespace cohesion
