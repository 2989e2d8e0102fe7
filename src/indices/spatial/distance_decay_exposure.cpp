// Distance-decay exposure (spatial, two-group).
//
//   DPxy = Σ_i (x_i/X) Σ_j K_ij y_j / t_j,   K_ij = a_j c_ij / Σ_j a_j c_ij
//
// Exposure of the group to the rest with distance-weighted neighbourhoods.
// Proximity: see proximity_terms.hpp (exp(−d), d in km by default).
// Source: Morgan, B. S. (1983). A distance-decay based interaction index to measure residential segregation. Area 15(3), 211-217; Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social Forces 67(2), 281-315.
// pysal 2.5's DistanceDecayExposure normalises its distance matrix by the wrong row sum (see
// ../shared/reference/bedford2011_spatial.json), so this implements the published formula;
// with IndexParams::proximity_unit_m = 1 it uses pysal's metre-based exp(−d) matrix.
#include "indices/registry.hpp"
#include "indices/spatial/proximity_terms.hpp"

namespace cohesion {
namespace {

double distance_decay_exposure(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const ProximitySums s = proximity_sums(m, geometry(in, "distance_decay_exposure"), in.params.proximity_unit_m, "distance_decay_exposure");
    const double X = m.group_totals[0], Y = m.group_totals[1], T = m.grand_total;
    (void)Y;
    (void)T;
    double sum = 0.0;
    for (std::size_t i = 0; i < m.units; ++i) sum += m.at(i, 0) / X * s.ky[i] / s.k1[i];
    return sum;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "distance_decay_exposure",
              .title = "Distance-decay exposure",
              .description = "Chance that a group member's distance-weighted neighbour belongs to the rest of the population.",
              .formula = "DPxy = sum_i x_i/X sum_j K_ij y_j/t_j",
              .reference = "Morgan, B. S. (1983). A distance-decay based interaction index to measure residential segregation. Area 15(3), 211-217; Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social Forces 67(2), 281-315.",
              .library_name = "DistanceDecayExposure",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = 0.0,
              .max_value = 1.0},
    distance_decay_exposure,
    {}}};

}  // namespace
}  // namespace cohesion
