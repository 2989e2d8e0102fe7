// Information theory index H (multigroup).
//
//   H = M / E,   E = −Σ_m π_m ln π_m,   M = Σ_i Σ_m p_im ln(p_im / (p_i p_m))
//
// Theil's H: the mutual information between unit and group as a share of the group
// entropy — the proportional reduction in diversity that comes from knowing the unit.
// Source: Theil, H. & Finizza, A. J. (1971). A note on the measurement of racial integration of schools by means of informational concepts. Journal of Mathematical Sociology 1, 187-194; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.
// Matches pysal `segregation` MultiInformationTheory to 1e-9 relative on the Bedford reference and R `segregation::mutual_total` H.
#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double information_theory(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    return mutual_information(m) / entropy(overall_shares(m));
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "information_theory",
              .title = "Information theory index H",
              .description = "Theil's H: how much less diverse areas are than the whole, as a share of the overall entropy.",
              .formula = "H = M / E, E = -sum_m pi_m ln pi_m",
              .reference = "Theil, H. & Finizza, A. J. (1971). A note on the measurement of racial integration of schools by means of informational concepts. Journal of Mathematical Sociology 1, 187-194; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.",
              .library_name = "MultiInfoTheory",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = 1.0},
    information_theory,
    {}}};

}  // namespace
}  // namespace cohesion
