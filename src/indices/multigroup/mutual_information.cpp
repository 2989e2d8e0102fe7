// Mutual information index M (multigroup).
//
//   M = Σ_i Σ_m p_im ln(p_im / (p_i p_m)),   p_im = c_im / T   (natural log, nats)
//
// Mutual information between unit and group. Unlike H it is additively decomposable
// into between- and within-cluster parts and into group contributions (see
// decomposition/), which is why change over time is decomposed in M.
// Source: Theil, H. & Finizza, A. J. (1971), J. Math. Sociology 1, 187-194; Mora, R. & Ruiz-Castillo, J. (2011). Entropy-based segregation indices. Sociological Methodology 41(1), 159-194.
// Matches R `segregation::mutual_total` M (base e) to 1e-9 relative on the Bedford reference.
#include <limits>

#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double mutual_information_index(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    return mutual_information(m);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "mutual_information",
              .title = "Mutual information index M",
              .description = "Mutual information between area and group (nats): decomposable by areas, clusters and groups.",
              .formula = "M = sum_i sum_m p_im ln(p_im / (p_i p_m))",
              .reference = "Theil, H. & Finizza, A. J. (1971), J. Math. Sociology 1, 187-194; Mora, R. & Ruiz-Castillo, J. (2011). Entropy-based segregation indices. Sociological Methodology 41(1), 159-194.",
              .library_name = "M",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = std::numeric_limits<double>::infinity()},
    mutual_information_index,
    {}}};

}  // namespace
}  // namespace cohesion
