// Relative centralisation (median centre) (spatial, two-group).
//
//   as relative_centralization, with the centre at the median of unit centroids
//
// The median centre is robust to a few large outlying areas.
// Source: Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation.
// Social Forces 67(2), 281–315 (after Duncan, Cuzzort & Duncan 1961).
// Matches pysal `segregation` RelativeCentralization (metric euclidean, center median).
#include "indices/registry.hpp"
#include "indices/spatial/centralization_terms.hpp"

namespace cohesion {
namespace {

double relative_centralization_median(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const UnitGeometry& g = geometry(in, "relative_centralization_median");
    const auto order = order_by_distance_from_centre(g, true);
    const auto x = m.column(0);
    const auto y = m.column(1);
    return cumulative_cross(order, {x.begin(), x.end()}, {y.begin(), y.end()});
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "relative_centralization_median",
              .title = "Relative centralisation (median centre)",
              .description = "Relative centralisation measured from the median centre of the areas.",
              .formula = "RCE with the median centre",
              .reference = "Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social "
                           "Forces 67(2), 281-315.",
              .library_name = "RelativeCentralization(center=median)",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = -1.0,
              .max_value = 1.0},
    relative_centralization_median,
    {}}};

}  // namespace
}  // namespace cohesion
