// Dissimilarity index D (two-group).
//
//   D = ½ Σ_i | x_i / X − y_i / Y |
//
// x_i focal-group count in unit i, y_i the rest, X = Σ x_i, Y = Σ y_i. The share of
// either group that would have to move for both to be distributed alike.
// Source: Duncan, O. D. & Duncan, B. (1955). A methodological analysis of
// segregation indexes. American Sociological Review 20(2), 210–217.
// Matches pysal `segregation` Dissim and R `segregation::dissimilarity`.
#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"
#include "indices/twogroup/two_group_kernels.hpp"

namespace cohesion {
namespace {

double dissimilarity(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    return twogroup_kernels::dissimilarity({c.x, c.units}, {c.y, c.units}, c.X, c.Y);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "dissimilarity",
              .title = "Dissimilarity",
              .description = "Share of the focal group (or of the rest) that would have to move to be distributed "
                             "like the other.",
              .formula = "D = 1/2 * sum_i | x_i/X - y_i/Y |",
              .reference = "Duncan, O. D. & Duncan, B. (1955). A methodological analysis of segregation indexes. "
                           "American Sociological Review 20(2), 210-217.",
              .library_name = "Dissim",
              .groups = IndexGroups::two_group},
    dissimilarity,
    {}}};

}  // namespace
}  // namespace cohesion
