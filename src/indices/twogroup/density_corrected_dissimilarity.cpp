// Density-corrected dissimilarity index D_dc (two-group).
//
//   a_i = x_i / X,  b_i = y_i / Y
//   σ_i = sqrt( b_i (1 − b_i) / Y + a_i (1 − a_i) / X )       (sampling s.d. of b_i − a_i)
//   θ_i = | b_i − a_i | / σ_i
//   n(θ) = argmax_{u ≥ 0} [ φ(u − θ) + φ(u + θ) ]              (mode of the folded normal |N(θ, 1)|)
//   D_dc = ½ Σ_i σ_i n(θ_i)
//
// D sums |b_i − a_i|, which is upwards biased because the estimated shares are noisy. Each term
// is replaced by σ_i times the mode of the folded-normal density of its standardised value, which
// is 0 for units whose difference is within about one standard error of noise (θ ≤ 1).
// Source: Allen, R., Burgess, S., Davidson, R. & Windmeijer, F. (2015). More reliable inference
// for the dissimilarity index of segregation. The Econometrics Journal 18(1), 40–66.
// doi:10.1111/ectj.12039.
//
// Same estimator as pysal `segregation` DensityCorrectedDissim (deterministic). pysal finds each
// n(θ_i) by Nelder–Mead from 0 with xatol 1e-5 and returns the second-best simplex vertex, so
// its values carry ~1e-5 optimiser noise per unit (~3e-7 in D_dc on the Bedford reference).
// Here n(θ) is solved from its optimality condition instead (see folded_normal_mode), which is
// exact to rounding: on Bedford 2011 (Pakistani) this gives 0.6556108260 vs pysal's 0.6556110876.
#include <cmath>
#include <cstdint>

#include "sampling/pair_memo.hpp"

#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

// Mode of φ(u − θ) + φ(u + θ) over u ≥ 0. Setting the derivative to zero gives
// u (e^{2uθ} + 1) = θ (e^{2uθ} − 1), i.e. u = θ tanh(θ u). For θ ≤ 1 the only solution is
// u = 0 (the density is unimodal at 0); for θ > 1 the positive root is the mode, and 0 is a
// local minimum. g(u) = u − θ tanh(θu) is convex on u > 0 with g(θ) ≥ 0, so Newton from u = θ
// decreases monotonically onto the root; bisection guards the near-flat case θ ≈ 1.
// tanh(z) for z ≥ 0. For z ≥ 1 as 1 − 2/(e^{2z} + 1): one exp, where the library's tanh goes
// through expm1 (twice the cost; tanh was half of the index's time). There tanh ≥ 0.76 and the
// subtraction loses nothing, so the two agree to an ulp or two, far inside the 1e-15 at which
// the mode's iteration stops.
inline double tanh_of(double z) {
    if (z < 1.0) return std::tanh(z);
    return 1.0 - 2.0 / (std::exp(2.0 * z) + 1.0);
}

double folded_normal_mode(double theta) {
    if (!(theta > 1.0)) return 0.0;
    // For θ² ≥ 22, tanh(θ·θ) is 1 in double, so g(θ) = 0 and Newton from u = θ stops at θ on its
    // first step; return it without the tanh (most units of a small group's national table:
    // those without the group have θ ≈ √t).
    if (theta * theta >= 22.0) return theta;
    double lo = 0.0, hi = theta;  // g(lo) < 0 ≤ g(hi) just above 0 since g'(0) = 1 − θ² < 0
    double u = theta;
    for (int iteration = 0; iteration < 200; ++iteration) {
        const double th = tanh_of(theta * u);
        const double g = u - theta * th;
        if (g > 0.0) hi = u; else lo = u;
        const double slope = 1.0 - theta * theta * (1.0 - th * th);
        double next = slope > 0.0 ? u - g / slope : 0.5 * (lo + hi);
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        if (std::abs(next - u) <= 1e-15 * theta) return next;
        u = next;
    }
    return u;
}

double density_corrected_dissimilarity(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    // The mode depends on a unit only through (x_i, y_i): for whole counts it is solved once per
    // distinct pair (pair_memo.hpp) when it needs the iteration (1 < θ, θ² < 22).
    thread_local PairMemo memo;
    memo.begin();
    double sum = 0.0;
    for (std::size_t i = 0; i < c.units; ++i) {
        const double x = c.x[i], y = c.y[i];
        const double a = x / c.X, b = y / c.Y;
        const double sigma = std::sqrt(b * (1.0 - b) / c.Y + a * (1.0 - a) / c.X);
        // σ = 0 only when both shares are 0 or 1, i.e. the difference carries no sampling noise;
        // σ n(θ) → |b − a| as σ → 0, so the term is the plain D term.
        if (!(sigma > 0.0)) {
            sum += std::abs(b - a);
            continue;
        }
        const double theta = std::abs(b - a) / sigma;
        const bool iterates = theta > 1.0 && theta * theta < 22.0;
        const bool whole = x >= 0.0 && y >= 0.0 && x < 4294967296.0 && y < 4294967296.0 && x == std::floor(x) &&
                           y == std::floor(y);
        const double mode = iterates && whole ? memo.get(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y),
                                                         [&] { return folded_normal_mode(theta); })
                                              : folded_normal_mode(theta);
        sum += sigma * mode;
    }
    return 0.5 * sum;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "density_corrected_dissimilarity",
              .title = "Density-corrected dissimilarity",
              .description = "Dissimilarity with each unit's difference in shares shrunk to the mode of its "
                             "folded-normal sampling density, removing the small-unit upward bias.",
              .formula = "D_dc = 1/2 * sum_i sigma_i n(theta_i), theta_i = |y_i/Y - x_i/X| / sigma_i, "
                         "sigma_i^2 = b_i(1-b_i)/Y + a_i(1-a_i)/X, n(theta) = mode of |N(theta,1)|",
              .reference = "Allen, R., Burgess, S., Davidson, R. & Windmeijer, F. (2015). More reliable inference for "
                           "the dissimilarity index of segregation. The Econometrics Journal 18(1), 40-66.",
              .library_name = "DensityCorrectedDissim",
              .groups = IndexGroups::two_group},
    density_corrected_dissimilarity,
    {}}};

}  // namespace
}  // namespace cohesion
