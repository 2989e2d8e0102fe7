// Absolute centralisation (spatial, two-group).
//
//   ACE = Σ_i X_{i−1} A_i − Σ_i X_i A_{i−1}
//   X, A: cumulative shares of the group and of land, units ordered by distance from the centre
//
// How close to the centre the group lives relative to the spread of land: 1 = all
// near the centre, −1 = all at the edge.
// Source: Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation.
// Social Forces 67(2), 281–315 (after Duncan, Cuzzort & Duncan 1961).
// Matches pysal `segregation` AbsoluteCentralization (metric euclidean, center mean).
#include "indices/registry.hpp"
#include "indices/spatial/centralization_terms.hpp"

namespace cohesion {
namespace {

double absolute_centralization(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const UnitGeometry& g = geometry(in, "absolute_centralization");
    const auto order = order_by_distance_from_centre(g, false);
    const auto x = m.column(0);
    // Cumulative group share against cumulative land, from the centre outwards.
    return cumulative_cross(order, {x.begin(), x.end()}, g.area_km2);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "absolute_centralization",
              .title = "Absolute centralisation",
              .description = "How much nearer the centre the group lives than the land is spread (1 = all at the centre).",
              .formula = "ACE = sum_i X_{i-1} A_i - sum_i X_i A_{i-1}, cumulative shares by distance from the centre",
              .reference = "Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social "
                           "Forces 67(2), 281-315.",
              .library_name = "AbsoluteCentralization",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = -1.0,
              .max_value = 1.0},
    absolute_centralization,
    {}}};

}  // namespace
}  // namespace cohesion
