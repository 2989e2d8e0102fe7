#include "targeting/rate_smoothing.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace cohesion {

namespace {

// Boost promotes double to long double inside its special functions by default; in double
// the beta quantiles are still accurate to ~1e-15 and several times faster (they are most
// of the cost of ranking the 188,880 output areas of England & Wales).
using DoublePrecision = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

}  // namespace

SmoothedRates smooth_rates(std::span<const double> cases, std::span<const double> population, double confidence) {
    const std::size_t n = cases.size();
    if (population.size() != n) throw Error("rate smoothing: one population per area is needed");
    if (!(confidence > 0.0 && confidence < 1.0)) throw Error("rate smoothing: the confidence must be in (0, 1)");
    double x_sum = 0.0, n_sum = 0.0;
    std::size_t areas = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(cases[i] >= 0.0) || !(population[i] >= 0.0) || cases[i] > population[i] * (1.0 + 1e-12))
            throw Error(fmt::format("rate smoothing: area {} has {} cases among {} people (expected 0 <= cases <= "
                                    "people)",
                                    i + 1, cases[i], population[i]));
        x_sum += cases[i];
        n_sum += population[i];
        areas += population[i] > 0;
    }
    if (!(n_sum > 0)) throw Error("rate smoothing: the areas hold no people");
    SmoothedRates r;
    r.confidence = confidence;
    const double m = x_sum / n_sum;
    r.town_rate = m;
    double s2 = 0.0;
    r.raw.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        if (population[i] > 0) {
            r.raw[i] = cases[i] / population[i];
            s2 += population[i] * (r.raw[i] - m) * (r.raw[i] - m);
        }
    s2 /= n_sum;
    const double n_bar = n_sum / static_cast<double>(areas);
    const double floor = 1e-12;
    const double a = std::max(s2 - m / n_bar, floor);
    r.prior_variance = a;
    // m(1 − m)/A − 1 is the prior's weight in people; kept finite and positive at the edges.
    const double mm = std::clamp(m, 1e-12, 1.0 - 1e-12);
    const double strength = std::max(mm * (1.0 - mm) / a - 1.0, 1e-6);
    r.alpha = mm * strength;
    r.beta = (1.0 - mm) * strength;
    r.smoothed.resize(n);
    r.lower.resize(n);
    r.upper.resize(n);
    r.shrinkage.resize(n);
    const double tail = (1.0 - confidence) / 2.0;
    const double z = boost::math::quantile(boost::math::normal_distribution<double>(), 1.0 - tail);
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
        const double a_post = r.alpha + cases[i];
        const double b_post = r.beta + population[i] - cases[i];
        r.smoothed[i] = a_post / (a_post + b_post);
        r.shrinkage[i] = strength / (strength + population[i]);
        if (a_post + b_post > 1e7) {
            // Beta quantiles with huge parameters do not converge; the normal limit is exact enough.
            const double sd = std::sqrt(r.smoothed[i] * (1.0 - r.smoothed[i]) / (a_post + b_post + 1.0));
            r.lower[i] = std::max(0.0, r.smoothed[i] - z * sd);
            r.upper[i] = std::min(1.0, r.smoothed[i] + z * sd);
            return;
        }
        const boost::math::beta_distribution<double, DoublePrecision> posterior(a_post, std::max(b_post, 1e-12));
        r.lower[i] = boost::math::quantile(posterior, tail);
        r.upper[i] = boost::math::quantile(posterior, 1.0 - tail);
    });
    return r;
}

}  // namespace cohesion
