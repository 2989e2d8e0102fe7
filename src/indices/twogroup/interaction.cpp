// Interaction (exposure) index xPy (two-group).
//
//   xPy = Σ_i (x_i / X) (y_i / t_i)
//
// The share of the rest in the unit of the average focal-group member: the chance that a member
// meets someone from outside the group. xPx + xPy = 1.
// Source: Bell, W. (1954). A probability model for the measurement of ecological segregation.
// Social Forces 32(4), 357–364; Lieberson, S. (1981). An asymmetrical approach to segregation.
// In Peach, Robinson & Smith (eds.), Ethnic Segregation in Cities, 61–82. London: Croom Helm.
// Matches pysal `segregation` Interaction exactly (to rounding).
#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

double interaction(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    double sum = 0.0;
    for (std::size_t i = 0; i < c.units; ++i) sum += (c.x[i] / c.X) * (c.y[i] / c.t[i]);
    return sum;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "interaction",
              .title = "Interaction (xPy, exposure)",
              .description = "Average share of the rest in the units focal-group members live in.",
              .formula = "xPy = sum_i (x_i/X) (y_i/t_i)",
              .reference = "Bell, W. (1954). A probability model for the measurement of ecological segregation. "
                           "Social Forces 32(4), 357-364.",
              .library_name = "Interaction",
              .groups = IndexGroups::two_group},
    interaction,
    {}}};

}  // namespace
}  // namespace cohesion
