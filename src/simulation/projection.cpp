#include "simulation/projection.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "core/error.hpp"
#include "sampling/random.hpp"
#include "simulation/calibration.hpp"
#include "simulation/outcome_measures.hpp"
#include "simulation/share_trend.hpp"

namespace cohesion {

ProjectionMethod parse_projection_method(const std::string& text) {
    if (text == "constant" || text == "constant-shares") return ProjectionMethod::constant_shares;
    if (text == "trend" || text == "share-trend") return ProjectionMethod::share_trend;
    if (text == "model") return ProjectionMethod::model;
    throw Error("unknown projection method '" + text + "': expected constant, trend or model");
}

std::string to_string(ProjectionMethod m) {
    switch (m) {
        case ProjectionMethod::constant_shares: return "constant shares";
        case ProjectionMethod::share_trend: return "share trend";
        case ProjectionMethod::model: return "model";
    }
    return "";
}

namespace {

// Percentile bands over replicate vectors (same length), per cell.
void bands(const std::vector<std::vector<double>>& reps, double level, std::vector<double>& low, std::vector<double>& high) {
    const std::size_t cells = reps.front().size();
    low.resize(cells);
    high.resize(cells);
    std::vector<double> v(reps.size());
    const double tail = (1 - level) / 2;
    for (std::size_t c = 0; c < cells; ++c) {
        for (std::size_t r = 0; r < reps.size(); ++r) v[r] = reps[r][c];
        std::sort(v.begin(), v.end());
        low[c] = v[static_cast<std::size_t>(std::floor(tail * (v.size() - 1)))];
        high[c] = v[static_cast<std::size_t>(std::ceil((1 - tail) * (v.size() - 1)))];
    }
}

std::vector<double> scale_shares(const std::vector<double>& shares, const std::vector<double>& totals, std::size_t k) {
    const std::size_t n = totals.size();
    std::vector<double> out(n * k);
    for (std::size_t g = 0; g < k; ++g)
        for (std::size_t i = 0; i < n; ++i) out[g * n + i] = shares[g * n + i] * totals[i];
    return out;
}

}  // namespace

Projection project(const Town& town, ProjectionMethod method, const ProjectionOptions& o) {
    const std::size_t n = town.areas(), k = town.groups.size();
    const double span = town.later_year - town.earlier_year;
    const int ahead = o.year - town.later_year;
    if (ahead < 1 || ahead > 50)
        throw Error(fmt::format("projection year {} must be 1 to 50 years after the {} census", o.year, town.later_year));
    if (o.replicates == 0) throw Error("projection: replicates must be at least 1");
    Projection p;
    p.method = method;
    p.from_year = town.later_year;
    p.year = o.year;
    p.codes = town.codes;
    p.groups = town.groups;
    p.start.resize(n * k);
    for (std::size_t g = 0; g < k; ++g)
        for (std::size_t i = 0; i < n; ++i) p.start[g * n + i] = town.later.count(i, g);

    const auto t11 = town.earlier.group_sum(), t21 = town.later.group_sum();
    const double P11 = std::accumulate(t11.begin(), t11.end(), 0.0), P21 = std::accumulate(t21.begin(), t21.end(), 0.0);
    const double yearly = o.annual_growth ? 1.0 + *o.annual_growth : std::pow(P21 / P11, 1.0 / span);
    p.growth_factor = std::pow(yearly, ahead);
    std::vector<double> totals(n);
    for (std::size_t i = 0; i < n; ++i) totals[i] = t21[i] * p.growth_factor;
    p.notes.push_back(fmt::format("town population {:.0f} in {} → {:.0f} in {} ({:+.2f}% a year, {})", P21,
                                  town.later_year, P21 * p.growth_factor, o.year, 100 * (yearly - 1),
                                  o.annual_growth ? "chosen" : "as observed 2011 → 2021"));
    p.notes.push_back("every area's total grows by the same factor; the method sets only each area's composition");

    const auto s21 = area_shares(p.start, n, k);
    if (method == ProjectionMethod::constant_shares) {
        p.people = scale_shares(s21, totals, k);
        p.low = p.high = p.people;
        p.notes.push_back("constant shares: each area keeps its 2021 composition; no interval (a fixed assumption)");
    } else if (method == ProjectionMethod::share_trend) {
        const ShareTrend trend = share_trend(town.earlier, town.later, span);
        p.people = scale_shares(trend_shares(trend, town.later, ahead), totals, k);
        std::vector<std::vector<double>> reps(o.replicates);
        for (std::size_t r = 0; r < o.replicates; ++r) {
            auto rng = replicate_engine(o.seed, r);
            Table a = town.earlier, b = town.later;
            for (std::size_t g = 0; g < k; ++g) {
                for (double& x : a.column(g)) x = x > 0 ? static_cast<double>(std::poisson_distribution<long>(x)(rng)) : 0.0;
                for (double& x : b.column(g)) x = x > 0 ? static_cast<double>(std::poisson_distribution<long>(x)(rng)) : 0.0;
            }
            // The trend re-estimated on the redrawn censuses (start and rate share the 2021 redraw,
            // as they share the 2021 counts), plus the shrinkage uncertainty the redraws miss.
            ShareTrend draw = share_trend(a, b, span);
            add_shrinkage_noise(draw, rng);
            reps[r] = scale_shares(trend_shares(draw, b, ahead), totals, k);
            if (o.progress) o.progress(r + 1, o.replicates);
        }
        // Bias-corrected percentile band: the redraws' spread, centred on the estimate (Poisson
        // redraws add noise on top of the observed counts, which shifts their own centre).
        std::vector<double> centre(n * k, 0.0);
        for (const auto& r : reps)
            for (std::size_t c = 0; c < n * k; ++c) centre[c] += r[c] / static_cast<double>(reps.size());
        for (auto& r : reps)
            for (std::size_t c = 0; c < n * k; ++c) r[c] += p.people[c] - centre[c];
        bands(reps, o.level, p.low, p.high);
        for (std::size_t c = 0; c < n * k; ++c) {
            p.low[c] = std::clamp(p.low[c], 0.0, p.people[c]);
            p.high[c] = std::max(p.high[c], p.people[c]);
        }
        double mean_weight = 0;
        for (double w : trend.weight) mean_weight += w / trend.weight.size();
        p.notes.push_back(fmt::format("share trend: log-linear per area and group, shrunk towards the town's trend by "
                                      "empirical Bayes (mean weight on the area's own trend {:.2f}); {:.0f}% intervals "
                                      "from {} draws, each re-estimating the trend on Poisson redraws of both censuses "
                                      "and adding the shrinkage uncertainty of each area's rate (their spread, centred "
                                      "on the estimate)",
                                      mean_weight, 100 * o.level, o.replicates));
        p.notes.push_back("the trend interval includes the sampling variation of both censuses and the uncertainty of "
                          "each area's shrunk rate; it does not include the chance that the 2011-2021 trend stops or "
                          "reverses");
    } else {
        SimulationSetup setup = make_setup(town, true, ahead);
        const ModelParameters params = o.parameters.share.empty() ? neutral_parameters(k) : o.parameters;
        const auto size = household_size(town);
        std::vector<std::vector<double>> reps;
        std::vector<double> sum(n * k, 0.0);
        const std::size_t chunk = 8;
        for (std::size_t first = 0; first < o.replicates; first += chunk) {
            const std::size_t count = std::min(chunk, o.replicates - first);
            const auto runs =
                o.parameter_draws.empty()
                    ? simulate_replicates(setup, params, o.seed, count, first, false)
                    : simulate_replicates(
                          setup,
                          [&](std::uint64_t r) -> const ModelParameters& {
                              return parameter_draw(o.parameter_draws, o.seed, r);
                          },
                          o.seed, count, first, false);
            for (const auto& run : runs) {
                std::vector<double> people(n * k);
                for (std::size_t g = 0; g < k; ++g)
                    for (std::size_t i = 0; i < n; ++i) people[g * n + i] = static_cast<double>(run.counts.back()[g * n + i]) * size[i];
                auto scaled = scale_shares(area_shares(people, n, k), totals, k);
                for (std::size_t c = 0; c < n * k; ++c) sum[c] += scaled[c] / static_cast<double>(o.replicates);
                reps.push_back(std::move(scaled));
            }
            if (o.progress) o.progress(std::min(first + count, o.replicates), o.replicates);
        }
        p.people = sum;
        bands(reps, o.level, p.low, p.high);
        if (o.parameter_draws.empty())
            p.notes.push_back(fmt::format("model: {} seeded replicate runs from {} (seed {}); value = mean, {:.0f}% band = "
                                          "replicate percentiles: simulation noise for the point-estimate parameters only, "
                                          "not their uncertainty",
                                          o.replicates, town.later_year, o.seed, 100 * o.level));
        else
            p.notes.push_back(fmt::format(
                "model: {} seeded replicate runs from {} (seed {}), each with one of the calibration's {} bootstrap "
                "parameter sets; value = mean, {:.0f}% band = replicate percentiles, so it includes simulation noise and "
                "the calibrated parameters' uncertainty (area resampling), not model misspecification",
                o.replicates, town.later_year, o.seed, o.parameter_draws.size(), 100 * o.level));
        if (o.parameters.share.empty())
            p.notes.push_back("model parameters: neutral (no preferences); pass calibrated parameters for the calibrated model");
    }
    return p;
}

}  // namespace cohesion
