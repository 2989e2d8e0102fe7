// Concentration profile index R (two-group), as computed by pysal `segregation` 2.5 ConProf.
//
//   v(θ) = Σ_{i : x_i/t_i ≥ θ} x_i / X        (share of the group living in units where its share is ≥ θ)
//   grid θ_k = k/(m−1), k = 0..m−1, m = 1000;  P = X / T
//   R = ( P − ( Σ_{θ_k < P} v(θ_k)/m − Σ_{θ_k ≥ P} v(θ_k)/m ) ) / (1 − P)
//
// The profile v falls from 1 at θ = 0; the faster it stays high past P, the more the group is
// concentrated in units where it is over-represented (R = 0 even, R = 1 complete segregation,
// up to the grid's 1/m discretisation).
// Source: Hong, S.-Y. & Sadahiro, Y. (2014). Measuring geographic segregation: a graph-based
// approach. Journal of Geographical Systems 16(2), 211–231.
// Matches pysal `segregation` 2.5 ConProf exactly (to rounding), including its grid (numpy
// linspace: k·(1/(m−1)), last point exactly 1) and its strict/non-strict comparisons at P.
// Note: the sum pysal takes above P enters with a plus sign (v − 0 integrated over [P, 1]); the
// variant that also subtracts the grid values (Σ v − Σ θ on each side) gives −0.342 on the
// Bedford reference data instead of pysal's 0.16820, so it is not what pysal computes.
//
// O(N log N + m): units are sorted by share once, then v is read off suffix sums while the grid
// is walked upward, instead of pysal's O(N·m) rescan per grid point.
#include <algorithm>
#include <vector>

#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

constexpr int grid_points = 1000;  // pysal's default m

double concentration_profile(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    struct Share {
        double p;
        double x;
    };
    std::vector<Share> units(c.units);
    for (std::size_t i = 0; i < c.units; ++i) units[i] = {c.x[i] / c.t[i], c.x[i]};
    std::sort(units.begin(), units.end(), [](const Share& a, const Share& b) { return a.p < b.p; });
    // at_or_above[i] = Σ_{j ≥ i} x_j in share order.
    std::vector<double> at_or_above(units.size() + 1, 0.0);
    for (std::size_t i = units.size(); i-- > 0;) at_or_above[i] = at_or_above[i + 1] + units[i].x;

    const double step = 1.0 / static_cast<double>(grid_points - 1);
    const double threshold = c.X / c.T;
    double below = 0.0, above = 0.0;  // Σ v over grid points < P and ≥ P
    std::size_t first = 0;            // first unit with p ≥ θ; θ only grows
    for (int k = 0; k < grid_points; ++k) {
        const double theta = k == grid_points - 1 ? 1.0 : static_cast<double>(k) * step;
        while (first < units.size() && units[first].p < theta) ++first;
        const double v = at_or_above[first] / c.X;
        (theta < threshold ? below : above) += v;
    }
    const double m = grid_points;
    return (threshold - (below / m - above / m)) / (1.0 - threshold);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "concentration_profile",
              .title = "Concentration profile (R)",
              .description = "How long the share of the group living in units where it makes up at least a "
                             "fraction theta stays high as theta rises past the group's overall share.",
              .formula = "R = (P - (sum_{theta_k<P} v(theta_k)/m - sum_{theta_k>=P} v(theta_k)/m)) / (1-P), "
                         "v(theta) = sum_{i: x_i/t_i >= theta} x_i/X, theta_k = k/(m-1), m = 1000",
              .reference = "Hong, S.-Y. & Sadahiro, Y. (2014). Measuring geographic segregation: a graph-based "
                           "approach. Journal of Geographical Systems 16(2), 211-231.",
              .library_name = "ConProf",
              .groups = IndexGroups::two_group},
    concentration_profile,
    {}}};

}  // namespace
}  // namespace cohesion
