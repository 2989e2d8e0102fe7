// Diversity (normalized entropy) (multigroup).
//
//   E / ln K
//
// Entropy on a 0–1 scale, so towns with different numbers of groups compare.
// Source: Theil, H. (1972). Statistical Decomposition Analysis. North-Holland; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.
// Matches pysal `segregation` MultiDiversity(normalized=True) to 1e-9 relative on the Bedford reference.
#include <cmath>

#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double diversity_normalized(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    return entropy(overall_shares(m)) / std::log(static_cast<double>(m.groups));
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "diversity_normalized",
              .title = "Diversity (normalized entropy)",
              .description = "Overall diversity scaled to [0, 1] by its maximum ln K.",
              .formula = "E / ln K",
              .reference = "Theil, H. (1972). Statistical Decomposition Analysis. North-Holland; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.",
              .library_name = "MultiDiversity(normalized)",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = 1.0},
    diversity_normalized,
    {}}};

}  // namespace
}  // namespace cohesion
