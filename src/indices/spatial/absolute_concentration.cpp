// Absolute concentration ACO (spatial, two-group).
//
//   ACO = 1 − (Σ_i x_i a_i / X − Σ_{i≤n1} t_i a_i / T1) / (Σ_{i≥n2} t_i a_i / T2 − Σ_{i≤n1} t_i a_i / T1)
//
// How little land the group occupies, between the extremes of living in the smallest
// areas (1) and in the largest (0); units ordered by area (see concentration_terms.hpp).
// Source: Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation.
// Social Forces 67(2), 281–315.
// Matches pysal `segregation` AbsoluteConcentration.
#include "indices/registry.hpp"
#include "indices/spatial/concentration_terms.hpp"

namespace cohesion {
namespace {

double absolute_concentration(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const auto& a = geometry(in, "absolute_concentration").area_km2;
    const auto b = concentration_bounds(m, a);
    const double X = m.group_totals[0];
    double group = 0.0, smallest = 0.0, largest = 0.0;
    for (std::size_t i = 0; i < m.units; ++i) group += m.at(i, 0) * a[i] / X;
    for (std::size_t k = 0; k < b.n1; ++k) smallest += m.unit_totals[b.ascending[k]] * a[b.ascending[k]] / b.T1;
    for (std::size_t k = b.n2; k < m.units; ++k) largest += m.unit_totals[b.ascending[k]] * a[b.ascending[k]] / b.T2;
    return 1.0 - (group - smallest) / (largest - smallest);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "absolute_concentration",
              .title = "Absolute concentration",
              .description = "How little land the group occupies, between living in the smallest areas (1) and the "
                             "largest (0).",
              .formula = "ACO = 1 - (sum x_i a_i / X - sum_{i<=n1} t_i a_i / T1) / (sum_{i>=n2} t_i a_i / T2 - "
                         "sum_{i<=n1} t_i a_i / T1)",
              .reference = "Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social "
                           "Forces 67(2), 281-315.",
              .library_name = "AbsoluteConcentration",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = 0.0,
              .max_value = 1.0},
    absolute_concentration,
    {}}};

}  // namespace
}  // namespace cohesion
