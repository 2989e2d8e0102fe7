// Relative centralisation (spatial, two-group).
//
//   RCE = Σ_i X_{i−1} Y_i − Σ_i X_i Y_{i−1}
//   X, Y: cumulative shares of the group and of the rest, by distance from the centre
//
// Whether the group lives nearer the centre than everyone else (> 0) or further out (< 0).
// Source: Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation.
// Social Forces 67(2), 281–315 (after Duncan, Cuzzort & Duncan 1961).
// Matches pysal `segregation` RelativeCentralization (metric euclidean, center mean).
#include "indices/registry.hpp"
#include "indices/spatial/centralization_terms.hpp"

namespace cohesion {
namespace {

double relative_centralization(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const UnitGeometry& g = geometry(in, "relative_centralization");
    const auto order = order_by_distance_from_centre(g, false);
    const auto x = m.column(0);
    const auto y = m.column(1);
    return cumulative_cross(order, {x.begin(), x.end()}, {y.begin(), y.end()});
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "relative_centralization",
              .title = "Relative centralisation",
              .description = "Whether the group lives nearer the centre than the rest of the population (> 0) or further out (< 0).",
              .formula = "RCE = sum_i X_{i-1} Y_i - sum_i X_i Y_{i-1}",
              .reference = "Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social "
                           "Forces 67(2), 281-315.",
              .library_name = "RelativeCentralization",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = -1.0,
              .max_value = 1.0},
    relative_centralization,
    {}}};

}  // namespace
}  // namespace cohesion
