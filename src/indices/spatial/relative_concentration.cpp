// Relative concentration RCO (spatial, two-group).
//
//   RCO = ((Σ x_i a_i / X) / (Σ y_i a_i / Y) − 1) / ((Σ_{i≤n1} t_i a_i / T1) / (Σ_{i≥n2} t_i a_i / T2) − 1)
//
// The land the group occupies relative to the rest, scaled by the largest possible
// difference: 1 = the group is as concentrated as it could be, −1 = the reverse.
// Source: Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation.
// Social Forces 67(2), 281–315.
// Matches pysal `segregation` RelativeConcentration.
#include "indices/registry.hpp"
#include "indices/spatial/concentration_terms.hpp"

namespace cohesion {
namespace {

double relative_concentration(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const auto& a = geometry(in, "relative_concentration").area_km2;
    const auto b = concentration_bounds(m, a);
    const double X = m.group_totals[0], Y = m.group_totals[1];
    double group = 0.0, rest = 0.0, smallest = 0.0, largest = 0.0;
    for (std::size_t i = 0; i < m.units; ++i) {
        group += m.at(i, 0) * a[i] / X;
        rest += m.at(i, 1) * a[i] / Y;
    }
    for (std::size_t k = 0; k < b.n1; ++k) smallest += m.unit_totals[b.ascending[k]] * a[b.ascending[k]];
    for (std::size_t k = b.n2; k < m.units; ++k) largest += m.unit_totals[b.ascending[k]] * a[b.ascending[k]];
    return (group / rest - 1.0) / ((smallest / b.T1) / (largest / b.T2) - 1.0);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "relative_concentration",
              .title = "Relative concentration",
              .description = "Land occupied by the group relative to the rest, scaled by its extremes (1 = as "
                             "concentrated as possible).",
              .formula = "RCO = ((sum x_i a_i / X) / (sum y_i a_i / Y) - 1) / ((sum_{i<=n1} t_i a_i / T1) / "
                         "(sum_{i>=n2} t_i a_i / T2) - 1)",
              .reference = "Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social "
                           "Forces 67(2), 281-315.",
              .library_name = "RelativeConcentration",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = -1.0,
              .max_value = 1.0},
    relative_concentration,
    {}}};

}  // namespace
}  // namespace cohesion
