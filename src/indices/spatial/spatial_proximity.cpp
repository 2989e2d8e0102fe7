// Spatial proximity (White) (spatial, two-group).
//
//   SP = (X P_xx + Y P_yy) / (T P_tt),   P_xx = Σ_i Σ_j x_i x_j c_ij / X²
//
// Average proximity among members of the same group relative to proximity among all:
// 1 = no spatial clustering by group, > 1 = groups cluster.
// Proximity: see proximity_terms.hpp (exp(−d), d in km by default).
// Source: White, M. J. (1983). The measurement of spatial segregation. American Journal of Sociology 88(5), 1008-1018.
// pysal 2.5's SpatialProximity normalises its distance matrix by the wrong row sum (see
// ../shared/reference/bedford2011_spatial.json), so this implements the published formula;
// with IndexParams::proximity_unit_m = 1 it uses pysal's metre-based exp(−d) matrix.
#include <limits>

#include "indices/registry.hpp"
#include "indices/spatial/proximity_terms.hpp"

namespace cohesion {
namespace {

double spatial_proximity(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const ProximitySums s = proximity_sums(m, geometry(in, "spatial_proximity"), in.params.proximity_unit_m, "spatial_proximity");
    const double X = m.group_totals[0], Y = m.group_totals[1], T = m.grand_total;
    (void)Y;
    (void)T;
    double pxx = 0.0, pyy = 0.0, ptt = 0.0;
    for (std::size_t i = 0; i < m.units; ++i) {
        pxx += m.at(i, 0) * s.cx[i];
        pyy += m.at(i, 1) * s.cy[i];
        ptt += m.unit_totals[i] * s.ct[i];
    }
    pxx /= X * X;
    pyy /= Y * Y;
    ptt /= T * T;
    return (X * pxx + Y * pyy) / (T * ptt);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "spatial_proximity",
              .title = "Spatial proximity (White)",
              .description = "Average proximity between members of the same group relative to everyone (1 = no clustering).",
              .formula = "SP = (X Pxx + Y Pyy) / (T Ptt), Pxx = sum_ij x_i x_j c_ij / X^2, c_ij = exp(-d_ij)",
              .reference = "White, M. J. (1983). The measurement of spatial segregation. American Journal of Sociology 88(5), 1008-1018.",
              .library_name = "SpatialProximity",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = 0.0,
              .max_value = std::numeric_limits<double>::infinity()},
    spatial_proximity,
    {}}};

}  // namespace
}  // namespace cohesion
