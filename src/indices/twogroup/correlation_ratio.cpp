// Correlation ratio η² (two-group).
//
//   V = (xPx − P) / (1 − P),   xPx = Σ_i (x_i / X)(x_i / t_i)
//
// Isolation with its dependence on the group's overall share P removed: 0 when every unit has
// share P, 1 when members live only with members. Equals the squared correlation ratio of the
// group indicator on the unit.
// Source: Bell, W. (1954). A probability model for the measurement of ecological segregation.
// Social Forces 32(4), 357–364; White, M. J. (1986). Segregation and diversity measures in
// population distribution. Population Index 52(2), 198–221.
// Matches pysal `segregation` CorrelationR exactly (to rounding).
#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

double correlation_ratio(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    double xPx = 0.0;
    for (std::size_t i = 0; i < c.units; ++i) xPx += (c.x[i] / c.X) * (c.x[i] / c.t[i]);
    return (xPx - c.P) / (1.0 - c.P);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "correlation_ratio",
              .title = "Correlation ratio (eta squared)",
              .description = "Isolation adjusted for the group's overall share: how far members' exposure to "
                             "their own group exceeds its share of the area.",
              .formula = "V = (xPx - P) / (1 - P), xPx = sum_i (x_i/X) (x_i/t_i)",
              .reference = "White, M. J. (1986). Segregation and diversity measures in population distribution. "
                           "Population Index 52(2), 198-221.",
              .library_name = "CorrelationR",
              .groups = IndexGroups::two_group},
    correlation_ratio,
    {}}};

}  // namespace
}  // namespace cohesion
