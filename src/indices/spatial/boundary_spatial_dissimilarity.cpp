// Boundary spatial dissimilarity D(w) (spatial, two-group).
//
//   D(w) = D − Σ_ij c_ij |z_i − z_j| / Σ_ij c_ij,   c_ij = shared boundary length, row-standardised
//
// Wong's refinement of Morrill: long shared borders count more than short ones.
// Source: Wong, D. W. S. (1993). Spatial indices of segregation. Urban Studies 30(3), 559-572.
// Matches pysal `segregation` BoundarySpatialDissim (standardize=True).
#include "indices/registry.hpp"
#include "indices/spatial/spatial_terms.hpp"
#include "indices/twogroup/two_group_columns.hpp"
#include "indices/twogroup/two_group_kernels.hpp"

namespace cohesion {
namespace {

double boundary_spatial_dissimilarity(const IndexInput& in) {
    using namespace spatial_terms;
    const TwoGroupColumns columns(in.counts);
    const double D = twogroup_kernels::dissimilarity({columns.x, columns.units}, {columns.y, columns.units});
    const auto z = focal_shares(in.counts);
    const Weights c = row_standardised(geometry(in, "boundary_spatial_dissimilarity").shared_boundary_m);
    const double total = total_weight(c);
    return total > 0 ? D - neighbour_difference(c, z, [](std::size_t, std::size_t) { return 1.0; }) / total : D;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "boundary_spatial_dissimilarity",
              .title = "Boundary spatial dissimilarity D(w)",
              .description = "Dissimilarity minus the boundary-length-weighted difference in the group's share between neighbours.",
              .formula = "D - sum_ij c_ij |z_i - z_j| / sum_ij c_ij, c_ij = shared boundary length / sum_j shared lengths",
              .reference = "Wong, D. W. S. (1993). Spatial indices of segregation. Urban Studies 30(3), 559-572.",
              .library_name = "BoundarySpatialDissim",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = -1.0,
              .max_value = 1.0},
    boundary_spatial_dissimilarity,
    {}}};

}  // namespace
}  // namespace cohesion
