// Isolation index xPx (two-group).
//
//   xPx = Σ_i (x_i / X) (x_i / t_i)
//
// The focal-group share of the unit in which the average focal-group member lives: the chance
// that a member meets another member. Its floor is P (even distribution), not 0.
// Source: Bell, W. (1954). A probability model for the measurement of ecological segregation.
// Social Forces 32(4), 357–364; Lieberson, S. (1981). An asymmetrical approach to segregation.
// In Peach, Robinson & Smith (eds.), Ethnic Segregation in Cities, 61–82. London: Croom Helm.
// Matches pysal `segregation` Isolation exactly (to rounding).
#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

double isolation(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    double sum = 0.0;
    for (std::size_t i = 0; i < c.units; ++i) sum += (c.x[i] / c.X) * (c.x[i] / c.t[i]);
    return sum;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "isolation",
              .title = "Isolation (xPx)",
              .description = "Average focal-group share of the units focal-group members live in.",
              .formula = "xPx = sum_i (x_i/X) (x_i/t_i)",
              .reference = "Bell, W. (1954). A probability model for the measurement of ecological segregation. "
                           "Social Forces 32(4), 357-364.",
              .library_name = "Isolation",
              .groups = IndexGroups::two_group},
    isolation,
    {}}};

}  // namespace
}  // namespace cohesion
