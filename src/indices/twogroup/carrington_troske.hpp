#pragma once
// The Carrington & Troske (1997) correction shared by modified_dissimilarity and modified_gini.
//
// Why a correction: with small units, random allocation alone produces unevenness, so D and G
// are biased upwards. Carrington & Troske compare the observed value with its expectation
// under random allocation (each person in unit i is in the focal group with probability P,
// unit totals fixed) and rescale the excess.
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "indices/index.hpp"
#include "indices/twogroup/simulation.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion::carrington_troske {

// Mean of an index over params.simulations null tables x_i ~ Binomial(round(t_i), P), y_i =
// round(t_i) − x_i. Binomial draws need whole people, hence the rounding (pysal truncates with
// astype(int); census counts are whole so the two agree). Units that round to nobody are left
// out, as they are from every CountMatrix.
//
// `make_statistic()` returns a callable double(span x, span y, span t), built once per task
// so it can own scratch memory.
template <class MakeStatistic>
double null_expectation(const TwoGroupColumns& c, const IndexParams& params, const std::string& index,
                        MakeStatistic make_statistic) {
    namespace sim = twogroup_simulation;
    const int simulations = sim::checked_simulations(params, index);
    // With one group empty every index is 0/0; do not spin on redraws that cannot succeed.
    if (!(c.P > 0.0) || !(c.P < 1.0)) return std::numeric_limits<double>::quiet_NaN();
    std::vector<std::int64_t> trials;
    std::vector<double> t;
    double T = 0.0;
    for (std::size_t i = 0; i < c.units; ++i) {
        const auto n = static_cast<std::int64_t>(std::llround(c.t[i]));
        if (n <= 0) continue;
        trials.push_back(n);
        t.push_back(static_cast<double>(n));
        T += static_cast<double>(n);
    }
    const sim::SharedProbabilityBinomial null_draw(trials, c.P);
    struct Scratch {
        std::vector<double> x, y;
        decltype(make_statistic()) statistic;
    };
    const std::vector<double> values = sim::run_replicates(
        simulations, params.seed,
        [&] { return Scratch{std::vector<double>(t.size()), std::vector<double>(t.size()), make_statistic()}; },
        [&](sim::Engine& engine, Scratch& s) {
            // A null table with nobody (or everybody) in the focal group has no index; redraw
            // from the same engine, which keeps the replicate reproducible.
            // xoshiro256++ seeded from the replicate's engine: one number per unit, and
            // mt19937_64's state refresh cost as much as the alias look-up.
            FastRandom random(engine);
            constexpr int max_draws = 100;
            for (int draw = 0; draw < max_draws; ++draw) {
                double X = 0.0;
                for (std::size_t i = 0; i < t.size(); ++i) {
                    s.x[i] = static_cast<double>(null_draw.draw(random, i));
                    s.y[i] = t[i] - s.x[i];
                    X += s.x[i];
                }
                if (X > 0.0 && X < T) return s.statistic(s.x, s.y, t);
            }
            throw Error(index + ": every simulated table put nobody (or everybody) in the focal group; the "
                                "population is too small for this index");
        });
    return sim::mean_in_order(values);
}

// (v − v*) / (1 − v*) above the null expectation v*, (v − v*) / v* below it, so the result is
// 0 at randomness, 1 at complete segregation and −1 at perfect evenness.
inline double rescale(double observed, double expected) {
    if (observed >= expected) {
        // v* = 1: every random allocation is already completely segregated (e.g. units of one
        // person), so nothing is left to attribute to non-random sorting.
        if (expected >= 1.0) return 0.0;
        return (observed - expected) / (1.0 - expected);
    }
    return (observed - expected) / expected;
}

}  // namespace cohesion::carrington_troske
