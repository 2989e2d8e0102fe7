// Spatial dissimilarity D(adj) (spatial, two-group).
//
//   D(adj) = D − Σ_ij c_ij |z_i − z_j| / Σ_ij c_ij,   c binary contiguity, z_i = x_i / t_i
//
// Dissimilarity less the average difference in focal share across neighbouring
// boundaries: neighbours that differ sharply mean the segregation is real on the map.
// Source: Morrill, R. L. (1991). On the measure of geographic segregation. Geography Research Forum 11, 25-36.
// Matches pysal `segregation` SpatialDissim (standardize=False) with queen weights.
#include "indices/registry.hpp"
#include "indices/spatial/spatial_terms.hpp"
#include "indices/twogroup/two_group_columns.hpp"
#include "indices/twogroup/two_group_kernels.hpp"

namespace cohesion {
namespace {

double spatial_dissimilarity(const IndexInput& in) {
    using namespace spatial_terms;
    const TwoGroupColumns columns(in.counts);
    const double D = twogroup_kernels::dissimilarity({columns.x, columns.units}, {columns.y, columns.units});
    const auto z = focal_shares(in.counts);
    const Weights& w = weights(in, "spatial_dissimilarity");
    // Binary contiguity whatever weights were passed: the published index counts shared borders.
    double links = 0.0, sum = 0.0;
    for (std::size_t i = 0; i < w.n; ++i)
        for (std::size_t j : w.neighbours_of(i)) {
            sum += std::abs(z[i] - z[j]);
            links += 1.0;
        }
    return links > 0 ? D - sum / links : D;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "spatial_dissimilarity",
              .title = "Spatial dissimilarity D(adj)",
              .description = "Dissimilarity minus the average difference in the group's share between neighbouring areas.",
              .formula = "D(adj) = D - sum_ij c_ij |z_i - z_j| / sum_ij c_ij",
              .reference = "Morrill, R. L. (1991). On the measure of geographic segregation. Geography Research Forum 11, 25-36.",
              .library_name = "SpatialDissim",
              .groups = IndexGroups::two_group,
              .needs = {.weights = true},
              .min_value = -1.0,
              .max_value = 1.0},
    spatial_dissimilarity,
    {}}};

}  // namespace
}  // namespace cohesion
