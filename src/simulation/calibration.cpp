#include "simulation/calibration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "core/error.hpp"
#include "sampling/random.hpp"
#include "simulation/outcome_measures.hpp"

namespace cohesion {

const ModelParameters& parameter_draw(const std::vector<ModelParameters>& draws, std::uint64_t seed,
                                      std::uint64_t replicate) {
    if (draws.empty()) throw Error("parameter uncertainty: no parameter draws (re-run the calibration to save them)");
    auto rng = replicate_engine(seed ^ 0x9A4A3E7E5ull, replicate);
    return draws[std::uniform_int_distribution<std::size_t>(0, draws.size() - 1)(rng)];
}

ModelParameters neutral_parameters(std::size_t groups) {
    ModelParameters p;
    p.share.assign(groups, 0.0);
    p.private_rented = 0.0;
    p.distance_per_km = -0.1;
    return p;
}

std::vector<double> mean_end_counts(const SimulationSetup& setup, const ModelParameters& parameters,
                                    std::uint64_t seed, std::size_t replicates) {
    const auto runs = simulate_replicates(setup, parameters, seed, replicates, 0, false);
    std::vector<double> mean(setup.start.size(), 0.0);
    for (const auto& r : runs)
        for (std::size_t c = 0; c < mean.size(); ++c) mean[c] += static_cast<double>(r.counts.back()[c]);
    for (double& v : mean) v /= static_cast<double>(std::max<std::size_t>(1, replicates));
    return mean;
}

namespace {

using Theta = std::vector<double>;

Theta to_theta(const ModelParameters& p) {
    Theta t = p.share;
    t.push_back(p.private_rented);
    t.push_back(p.distance_per_km);
    return t;
}

ModelParameters from_theta(const Theta& t) {
    ModelParameters p;
    p.share.assign(t.begin(), t.end() - 2);
    p.private_rented = t[t.size() - 2];
    p.distance_per_km = t.back();
    return p;
}

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const double ma = mean(a), mb = mean(b);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

}  // namespace

CalibrationResult calibrate(const SimulationSetup& setup, const std::vector<double>& observed_end,
                            const CalibrationOptions& o) {
    const std::size_t n = setup.areas(), k = setup.groups();
    if (observed_end.size() != n * k)
        throw Error(fmt::format("calibration: observed counts have {} cells, expected {} areas × {} groups",
                                observed_end.size(), n, k));
    if (o.replicates == 0) throw Error("calibration: replicates must be at least 1");
    validate_setup(setup, neutral_parameters(k));
    const auto target = area_shares(observed_end, n, k);
    const std::size_t P = k + 2;
    const auto grid_of = [&](std::size_t p) -> const std::vector<double>& {
        return p < k ? o.share_grid : (p == k ? o.private_grid : o.distance_grid);
    };

    std::map<Theta, std::vector<double>> cache;  // θ -> per-area errors
    CalibrationResult result;
    result.replicates = o.replicates;
    // Coarse pass: P grids, twice; fine pass: 4 points per parameter; profiles: the union again.
    std::size_t planned = 0;
    for (std::size_t p = 0; p < P; ++p) planned += 3 * grid_of(p).size() + 8;
    const auto errors = [&](const Theta& t) -> const std::vector<double>& {
        auto it = cache.find(t);
        if (it != cache.end()) return it->second;
        const auto end = mean_end_counts(setup, from_theta(t), o.seed, o.replicates);
        auto e = area_share_errors(area_shares(end, n, k), target, n, k);
        ++result.evaluations;
        if (o.progress) o.progress(std::min(result.evaluations, planned), planned);
        return cache.emplace(t, std::move(e)).first->second;
    };
    const auto loss = [&](const Theta& t) { return mean(errors(t)); };

    Theta best = to_theta(neutral_parameters(k));
    double best_loss = loss(best);
    result.loss_no_preference = best_loss;
    const auto search = [&](std::size_t p, const std::vector<double>& values) {
        for (double v : values) {
            Theta t = best;
            t[p] = v;
            const double l = loss(t);
            if (l < best_loss - 1e-12) {
                best_loss = l;
                best = t;
            }
        }
    };
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t p = 0; p < P; ++p) search(p, grid_of(p));
    // Finer steps round each optimum: a quarter and a half of the local grid spacing.
    for (std::size_t p = 0; p < P && o.refine; ++p) {
        const auto& g = grid_of(p);
        const auto it = std::lower_bound(g.begin(), g.end(), best[p]);
        double step = 1.0;
        if (it != g.end() && it + 1 != g.end()) step = *(it + 1) - *it;
        else if (it != g.begin()) step = *it - *(it - 1);
        const double v = best[p];
        search(p, {v - step / 2, v - step / 4, v + step / 4, v + step / 2});
    }

    // Profiles and the area bootstrap of each parameter's minimiser.
    auto rng = replicate_engine(o.seed ^ 0xB007u, 0);
    std::vector<std::vector<std::size_t>> resamples(o.bootstrap, std::vector<std::size_t>(n));
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    for (auto& r : resamples)
        for (auto& i : r) i = pick(rng);
    const double tail = (1.0 - o.level) / 2.0;
    std::vector<Theta> draws(o.bootstrap, best);  // per resample: every parameter's profile minimiser
    for (std::size_t p = 0; p < P; ++p) {
        std::set<double> values(grid_of(p).begin(), grid_of(p).end());
        for (const auto& [t, e] : cache) {
            bool same = true;
            for (std::size_t q = 0; q < P && same; ++q) same = q == p || t[q] == best[q];
            if (same) values.insert(t[p]);
        }
        values.insert(best[p]);
        std::vector<double> vs(values.begin(), values.end());
        std::vector<const std::vector<double>*> profile;
        for (double v : vs) {
            Theta t = best;
            t[p] = v;
            profile.push_back(&errors(t));
        }
        std::vector<double> minimisers;
        for (std::size_t b = 0; b < resamples.size(); ++b) {
            const auto& r = resamples[b];
            double low = INFINITY;
            double arg = best[p];
            for (std::size_t q = 0; q < vs.size(); ++q) {
                double s = 0;
                for (std::size_t i : r) s += (*profile[q])[i];
                if (s < low - 1e-12) {
                    low = s;
                    arg = vs[q];
                }
            }
            minimisers.push_back(arg);
            draws[b][p] = arg;
        }
        std::sort(minimisers.begin(), minimisers.end());
        ParameterEstimate e;
        e.name = p < k ? "own-group location quotient (log): " + setup.group_names[p] : (p == k ? "private-rented share" : "distance per km");
        e.value = best[p];
        if (!minimisers.empty()) {
            e.low = minimisers[static_cast<std::size_t>(std::floor(tail * (minimisers.size() - 1)))];
            e.high = minimisers[static_cast<std::size_t>(std::ceil((1 - tail) * (minimisers.size() - 1)))];
        } else {
            e.low = e.high = e.value;
        }
        e.low = std::min(e.low, e.value);
        e.high = std::max(e.high, e.value);
        e.at_grid_edge = e.low <= vs.front() || e.high >= vs.back();
        result.estimates.push_back(e);
    }
    if (o.progress) o.progress(planned, planned);  // the plan is an upper bound (cached sets are free)
    result.parameters = from_theta(best);
    result.loss = best_loss;
    for (const auto& t : draws) result.draws.push_back(from_theta(t));

    // Fit beyond the objective: MAE of keeping 2011 shares, and how well changes are tracked.
    std::vector<double> start(setup.start.begin(), setup.start.end());
    const auto s0 = area_shares(start, n, k);
    result.loss_no_change = mean(area_share_errors(s0, target, n, k));
    const auto fitted = area_shares(mean_end_counts(setup, result.parameters, o.seed, o.replicates), n, k);
    std::vector<double> simulated_change(n * k), actual_change(n * k);
    for (std::size_t c = 0; c < n * k; ++c) {
        simulated_change[c] = fitted[c] - s0[c];
        actual_change[c] = target[c] - s0[c];
    }
    result.change_correlation = correlation(simulated_change, actual_change);
    result.notes.push_back(fmt::format(
        "simulated method of moments: {} parameter sets × {} replicate runs (common random numbers, seed {}); "
        "intervals: {:.0f}% area-bootstrap ({} resamples) of each parameter's profile minimiser",
        result.evaluations, o.replicates, o.seed, 100 * o.level, o.bootstrap));
    return result;
}

}  // namespace cohesion
