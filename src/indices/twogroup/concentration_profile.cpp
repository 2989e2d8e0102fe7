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
// O(N + m): each unit's x is binned at the last grid point at or below its share, and v is read
// off the bins' suffix sums, instead of pysal's O(N·m) rescan per grid point.
#include <algorithm>
#include <array>

#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

constexpr int grid_points = 1000;  // pysal's default m

double concentration_profile(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    // v(θ_k) only needs, for each unit, the last grid point at or below its share: x_i is added to
    // that point's bin and v is the bins' sum from θ_k up. O(units), where sorting the units by
    // share was most of the index's time (it is evaluated on every bootstrap replicate).
    const double step = 1.0 / static_cast<double>(grid_points - 1);
    auto grid = [&](int k) { return k == grid_points - 1 ? 1.0 : static_cast<double>(k) * step; };
    std::array<double, grid_points> bin{};
    for (std::size_t i = 0; i < c.units; ++i) {
        const double p = c.x[i] / c.t[i];
        if (!(p >= 0.0)) continue;  // no share (t = 0): at no grid point
        // floor(p / step) is within one of the last k with θ_k ≤ p; settle it with θ_k itself.
        int k = std::min(grid_points - 1, static_cast<int>(p / step));
        while (k > 0 && grid(k) > p) --k;
        while (k + 1 < grid_points && grid(k + 1) <= p) ++k;
        bin[static_cast<std::size_t>(k)] += c.x[i];
    }
    const double threshold = c.X / c.T;
    double below = 0.0, above = 0.0;  // Σ v over grid points < P and ≥ P
    double at_or_above = 0.0;         // Σ x_i over units with p_i ≥ θ_k
    for (int k = grid_points - 1; k >= 0; --k) {
        at_or_above += bin[static_cast<std::size_t>(k)];
        const double v = at_or_above / c.X;
        (grid(k) < threshold ? below : above) += v;
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
