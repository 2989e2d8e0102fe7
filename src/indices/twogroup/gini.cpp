// Gini segregation index G (two-group).
//
//   G = Σ_i Σ_j t_i t_j | p_i − p_j | / (2 T² P (1 − P)),   p_i = x_i / t_i,  P = X / T
//
// The mean absolute difference in focal-group share over all pairs of people, relative to its
// maximum: the area between the segregation curve and the diagonal. Computed in O(N log N) by
// sorting the units by p (see two_group_kernels.hpp), not by the O(N²) double loop.
// Source: Duncan, O. D. & Duncan, B. (1955). A methodological analysis of segregation indexes.
// American Sociological Review 20(2), 210–217; as stated in Massey, D. S. & Denton, N. A. (1988).
// The dimensions of residential segregation. Social Forces 67(2), 281–315.
// Matches pysal `segregation` Gini exactly (to rounding).
#include <vector>

#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"
#include "indices/twogroup/two_group_kernels.hpp"

namespace cohesion {
namespace {

double gini(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    thread_local twogroup_kernels::GiniScratch scratch;  // kept: see RadixBuffers
    return twogroup_kernels::gini({c.x, c.units}, {c.t, c.units}, scratch);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "gini",
              .title = "Gini",
              .description = "Mean absolute difference in the focal group's share between all pairs of people, "
                             "relative to its maximum.",
              .formula = "G = sum_i sum_j t_i t_j |p_i - p_j| / (2 T^2 P (1-P)), p_i = x_i/t_i",
              .reference = "Duncan, O. D. & Duncan, B. (1955). A methodological analysis of segregation indexes. "
                           "American Sociological Review 20(2), 210-217.",
              .library_name = "Gini",
              .groups = IndexGroups::two_group},
    gini,
    {}}};

}  // namespace
}  // namespace cohesion
