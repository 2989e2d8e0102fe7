// Relative diversity (multigroup).
//
//   R = Σ_m Σ_i t_i (π_im − π_m)² / (T I)
//
// Variance-based: the share of the town's Simpson interaction not found within units.
// Source: Carlson, S. M. (1992). Trends in race/sex occupational inequality. Social Problems 39(3), 268-290; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.
// Matches pysal `segregation` MultiRelativeDiversity to 1e-9 relative on the Bedford reference.
#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double relative_diversity(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    const auto pi = overall_shares(m);
    const auto deviations = squared_deviations(m, pi);
    double sum = 0.0;
    for (double d : deviations) sum += d;
    return sum / (m.grand_total * interaction(pi));
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "relative_diversity",
              .title = "Relative diversity",
              .description = "Proportional reduction of Simpson's interaction (diversity) within areas relative to the whole.",
              .formula = "R = sum_m sum_i t_i (pi_im - pi_m)^2 / (T I)",
              .reference = "Carlson, S. M. (1992). Trends in race/sex occupational inequality. Social Problems 39(3), 268-290; Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation. Sociological Methodology 32, 33-67.",
              .library_name = "MultiRelativeDiversity",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = 1.0},
    relative_diversity,
    {}}};

}  // namespace
}  // namespace cohesion
