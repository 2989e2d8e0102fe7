// Perimeter-area-ratio spatial dissimilarity D(s) (spatial, two-group).
//
//   D(s) = D − Σ_ij c_ij |z_i − z_j| ((P/A)_i + (P/A)_j) / (2 max(P/A)),
//   c_ij = shared boundary length / total shared length
//
// Wong's D(s): boundaries between compact areas (low perimeter/area) count less, as
// crossing them is harder.
// Source: Wong, D. W. S. (1993). Spatial indices of segregation. Urban Studies 30(3), 559-572.
// Matches pysal `segregation` PARDissim / PerimeterAreaRatioSpatialDissim (standardize=True).
#include "indices/registry.hpp"
#include "indices/spatial/spatial_terms.hpp"
#include "indices/twogroup/two_group_columns.hpp"
#include "indices/twogroup/two_group_kernels.hpp"

#include <algorithm>

namespace cohesion {
namespace {

double perimeter_area_dissimilarity(const IndexInput& in) {
    using namespace spatial_terms;
    const TwoGroupColumns columns(in.counts);
    const double D = twogroup_kernels::dissimilarity({columns.x, columns.units}, {columns.y, columns.units});
    const auto z = focal_shares(in.counts);
    const UnitGeometry& g = geometry(in, "perimeter_area_dissimilarity");
    const Weights& c = g.shared_boundary_m;
    const double total = total_weight(c);
    if (!(total > 0)) return D;
    std::vector<double> ratio(g.area_km2.size());
    for (std::size_t i = 0; i < ratio.size(); ++i) ratio[i] = g.perimeter_m[i] / (g.area_km2[i] * 1e6);
    const double max_ratio = *std::max_element(ratio.begin(), ratio.end());
    return D - neighbour_difference(c, z, [&](std::size_t i, std::size_t j) { return ratio[i] + ratio[j]; }) /
                   (total * 2.0 * max_ratio);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "perimeter_area_dissimilarity",
              .title = "Perimeter-area-ratio spatial dissimilarity D(s)",
              .description = "Dissimilarity minus the neighbour share differences weighted by shared border and perimeter/area ratio.",
              .formula = "D - sum_ij c_ij |z_i - z_j| ((P/A)_i + (P/A)_j) / (2 max P/A), c_ij = shared length / total",
              .reference = "Wong, D. W. S. (1993). Spatial indices of segregation. Urban Studies 30(3), 559-572.",
              .library_name = "PARDissim",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = -1.0,
              .max_value = 1.0},
    perimeter_area_dissimilarity,
    {}}};

}  // namespace
}  // namespace cohesion
