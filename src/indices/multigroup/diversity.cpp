// Diversity (entropy) (multigroup).
//
//   E = −Σ_m π_m ln π_m
//
// How mixed the whole town is (not a segregation index): 0 when everyone is in one
// group, ln K when all K groups are equal.
// Source: Theil, H. (1972). Statistical Decomposition Analysis. North-Holland; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.
// Matches pysal `segregation` MultiDiversity to 1e-9 relative on the Bedford reference.
#include <limits>

#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double diversity(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    return entropy(overall_shares(m));
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "diversity",
              .title = "Diversity (entropy)",
              .description = "Overall diversity of the population (Shannon entropy of the group shares, nats).",
              .formula = "E = -sum_m pi_m ln pi_m",
              .reference = "Theil, H. (1972). Statistical Decomposition Analysis. North-Holland; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.",
              .library_name = "MultiDiversity",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = std::numeric_limits<double>::infinity()},
    diversity,
    {}}};

}  // namespace
}  // namespace cohesion
