// Relative clustering (spatial, two-group).
//
//   RCL = P_xx / P_yy − 1,   P_xx = Σ_i Σ_j x_i x_j c_ij / X²
//
// How much nearer group members live to each other than the rest do to each other:
// 0 = equally clustered, > 0 = the group is more clustered.
// Proximity: see proximity_terms.hpp (exp(−d), d in km by default).
// Source: Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social Forces 67(2), 281-315.
// pysal 2.5's RelativeClustering normalises its distance matrix by the wrong row sum (see
// ../shared/reference/bedford2011_spatial.json), so this implements the published formula;
// with IndexParams::proximity_unit_m = 1 it uses pysal's metre-based exp(−d) matrix.
#include <limits>

#include "indices/registry.hpp"
#include "indices/spatial/proximity_terms.hpp"

namespace cohesion {
namespace {

double relative_clustering(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const ProximitySums s = proximity_sums(m, geometry(in, "relative_clustering"), in.params.proximity_unit_m, "relative_clustering");
    const double X = m.group_totals[0], Y = m.group_totals[1], T = m.grand_total;
    (void)Y;
    (void)T;
    double pxx = 0.0, pyy = 0.0;
    for (std::size_t i = 0; i < m.units; ++i) {
        pxx += m.at(i, 0) * s.cx[i];
        pyy += m.at(i, 1) * s.cy[i];
    }
    return (pxx / (X * X)) / (pyy / (Y * Y)) - 1.0;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "relative_clustering",
              .title = "Relative clustering",
              .description = "Proximity among group members relative to proximity among the rest, minus 1.",
              .formula = "RCL = Pxx / Pyy - 1",
              .reference = "Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social Forces 67(2), 281-315.",
              .library_name = "RelativeClustering",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = -1.0,
              .max_value = std::numeric_limits<double>::infinity()},
    relative_clustering,
    {}}};

}  // namespace
}  // namespace cohesion
