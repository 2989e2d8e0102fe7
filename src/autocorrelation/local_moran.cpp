#include "autocorrelation/local_moran.hpp"

#include <tbb/parallel_for.h>

#include <cmath>
#include <numeric>

#include "core/cancellation.hpp"

#include "autocorrelation/centred_variable.hpp"
#include "autocorrelation/conditional_permutation.hpp"
#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

LocalMoran local_moran(std::span<const double> y, const Weights& w, int permutations, std::uint64_t seed,
                       const std::stop_token& stop, const std::function<void()>& area_tested) {
    const std::size_t n = y.size();
    if (n != w.n) throw Error("local Moran: " + std::to_string(n) + " values for " + std::to_string(w.n) + " weights rows");
    if (n < 4) throw Error("local Moran needs at least 4 areas");
    const double nd = static_cast<double>(n);
    const CentredVariable centred = centre(y, "local Moran");
    const std::vector<double>& z = centred.z;
    const double m2 = centred.m2, m4 = centred.m4;
    const double b2 = m4 / (m2 * m2);
    const double sd = std::sqrt(m2);

    LocalMoran r;
    r.z_standardised.resize(n);
    r.lag.resize(n);
    r.I.resize(n);
    r.I_esda.resize(n);
    r.expected_total.resize(n);
    r.variance_total.resize(n);
    r.z_total.resize(n);
    r.expected_conditional.resize(n);
    r.variance_conditional.resize(n);
    r.z_conditional.resize(n);
    r.quadrant.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto nb = w.neighbours_of(i);
        const auto wv = w.weights_of(i);
        double lag_z = 0.0, lag_y = 0.0, wi = 0.0, wi2 = 0.0;
        for (std::size_t k = 0; k < nb.size(); ++k) {
            lag_z += wv[k] * z[nb[k]];
            lag_y += wv[k] * y[nb[k]];
            wi += wv[k];
            wi2 += wv[k] * wv[k];
        }
        r.z_standardised[i] = z[i] / sd;
        r.lag[i] = lag_y;
        r.I[i] = z[i] / m2 * lag_z;
        r.I_esda[i] = (nd - 1.0) / nd * r.I[i];
        r.expected_total[i] = -wi / (nd - 1.0);
        r.variance_total[i] = wi2 * (nd - b2) / (nd - 1.0) +
                              (wi * wi - wi2) * (2.0 * b2 - nd) / ((nd - 1.0) * (nd - 2.0)) -
                              r.expected_total[i] * r.expected_total[i];
        r.z_total[i] = (r.I[i] - r.expected_total[i]) / std::sqrt(r.variance_total[i]);
        const double zi2 = z[i] * z[i];
        r.expected_conditional[i] = -(zi2 / m2) * wi / (nd - 1.0);
        r.variance_conditional[i] = (z[i] / m2) * (z[i] / m2) * nd / (nd - 2.0) * (wi2 - wi * wi / (nd - 1.0)) *
                                    (m2 - zi2 / (nd - 1.0));
        r.z_conditional[i] = (r.I[i] - r.expected_conditional[i]) / std::sqrt(r.variance_conditional[i]);
        if (nb.empty()) r.quadrant[i] = 0;
        else if (z[i] > 0) r.quadrant[i] = lag_z > 0 ? 1 : 4;
        else r.quadrant[i] = lag_z > 0 ? 2 : 3;
    }

    if (permutations > 0) {
        r.permutations = permutations;
        r.p_permutation.assign(n, 1.0);
        tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
            throw_if_stopped(stop);  // between areas: each is `permutations` draws
            const auto nb = w.neighbours_of(i);
            if (nb.empty()) {  // islands: no statistic to test
                if (area_tested) area_tested();
                return;
            }
            const auto wv = w.weights_of(i);
            auto engine = replicate_engine(seed, i);
            std::vector<std::size_t> drawn;
            std::size_t larger = 0;
            for (int p = 0; p < permutations; ++p) {
                draw_other_areas(n, i, nb.size(), engine, drawn);
                double lag = 0.0;
                for (std::size_t k = 0; k < drawn.size(); ++k) lag += wv[k] * z[drawn[k]];
                larger += z[i] / m2 * lag >= r.I[i];
            }
            r.p_permutation[i] = folded_pseudo_p(larger, permutations);
            if (area_tested) area_tested();
        });
    }
    return r;
}

}  // namespace cohesion
