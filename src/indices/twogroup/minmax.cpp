// MinMax index (two-group, aspatial form).
//
//   MM = 1 − Σ_i min(x_i/X, y_i/Y) / Σ_i max(x_i/X, y_i/Y)
//
// One minus the overlap (intersection over union) of the two groups' distributions across
// units. Related to D by MM = 2D / (1 + D), so it orders areas exactly as D does.
// Source: O'Sullivan, D. & Wong, D. W. S. (2007). A surface-based approach to measuring spatial
// segregation. Geographical Analysis 39(2), 147–168. (The aspatial form uses the unit shares
// themselves instead of kernel-smoothed surfaces.)
// Matches pysal `segregation` MinMax with no spatial weights exactly (to rounding).
#include <algorithm>

#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

double minmax(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    double intersection = 0.0, union_ = 0.0;
    for (std::size_t i = 0; i < c.units; ++i) {
        const double a = c.x[i] / c.X, b = c.y[i] / c.Y;
        intersection += std::min(a, b);
        union_ += std::max(a, b);
    }
    return 1.0 - intersection / union_;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "minmax",
              .title = "MinMax",
              .description = "One minus the overlap (intersection over union) of the two groups' distributions "
                             "across units.",
              .formula = "MM = 1 - sum_i min(x_i/X, y_i/Y) / sum_i max(x_i/X, y_i/Y)",
              .reference = "O'Sullivan, D. & Wong, D. W. S. (2007). A surface-based approach to measuring spatial "
                           "segregation. Geographical Analysis 39(2), 147-168.",
              .library_name = "MinMax",
              .groups = IndexGroups::two_group},
    minmax,
    {}}};

}  // namespace
}  // namespace cohesion
