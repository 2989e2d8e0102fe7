// Spatial dissimilarity D(adj), row-standardised (spatial, two-group).
//
//   D(adj) = D − Σ_ij w_ij |z_i − z_j| / Σ_ij w_ij,   w row-standardised contiguity
//
// The Morrill index with each area's neighbours weighted equally in total, so areas with
// many neighbours do not dominate.
// Source: Morrill, R. L. (1991). On the measure of geographic segregation. Geography Research Forum 11, 25-36.
// Matches pysal `segregation` SpatialDissim(w=Queen, standardize=True).
#include "indices/registry.hpp"
#include "indices/spatial/spatial_terms.hpp"
#include "indices/twogroup/two_group_columns.hpp"
#include "indices/twogroup/two_group_kernels.hpp"

namespace cohesion {
namespace {

double spatial_dissimilarity_standardized(const IndexInput& in) {
    using namespace spatial_terms;
    const TwoGroupColumns columns(in.counts);
    const double D = twogroup_kernels::dissimilarity({columns.x, columns.units}, {columns.y, columns.units});
    const auto z = focal_shares(in.counts);
    const Weights w = row_standardised(weights(in, "spatial_dissimilarity_standardized"));
    const double total = total_weight(w);
    return total > 0 ? D - neighbour_difference(w, z, [](std::size_t, std::size_t) { return 1.0; }) / total : D;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "spatial_dissimilarity_standardized",
              .title = "Spatial dissimilarity D(adj), row-standardised",
              .description = "Morrill's spatial dissimilarity with row-standardised contiguity weights.",
              .formula = "D - sum_ij w_ij |z_i - z_j| / sum_ij w_ij, w row-standardised",
              .reference = "Morrill, R. L. (1991). On the measure of geographic segregation. Geography Research Forum 11, 25-36.",
              .library_name = "SpatialDissim(standardize=True)",
              .groups = IndexGroups::two_group,
              .needs = {.weights = true},
              .min_value = -1.0,
              .max_value = 1.0},
    spatial_dissimilarity_standardized,
    {}}};

}  // namespace
}  // namespace cohesion
