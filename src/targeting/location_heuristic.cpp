// Greedy construction + vertex substitution (Teitz & Bart 1968) for the three models.
// p-median swaps are evaluated in O(n) per candidate with the nearest and second-nearest
// open site of each point (Whitaker 1983's fast interchange); covering swaps with the
// number of open sites reaching each point. Each pass makes the best improving swap and
// stops when none improves (a local optimum) or the time limit is hit.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <iterator>
#include <numeric>

#include "targeting/location_solvers.hpp"

namespace cohesion {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

struct Clock {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
};

// Best (candidate, value) over candidates by a score, ties to the lower index.
template <class Score>
std::pair<std::size_t, double> best_candidate(std::size_t m, const std::vector<char>& open, Score score) {
    std::vector<double> value(m, -inf);
    tbb::parallel_for(std::size_t{0}, m, [&](std::size_t j) {
        if (!open[j]) value[j] = score(j);
    });
    std::size_t best = none;
    for (std::size_t j = 0; j < m; ++j)
        if (!open[j] && (best == none || value[j] > value[best])) best = j;
    return {best, best == none ? -inf : value[best]};
}

// ---- p-median ---------------------------------------------------------------------

struct Nearest {
    std::vector<double> d1, d2;
    std::vector<std::size_t> c1;  // position in `sites` of the nearest open site
};

Nearest nearest_two(const LocationProblem& pr, const std::vector<std::size_t>& sites) {
    const std::size_t n = pr.demand.size();
    Nearest r{std::vector<double>(n, inf), std::vector<double>(n, inf), std::vector<std::size_t>(n, none)};
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
        for (std::size_t k = 0; k < sites.size(); ++k) {
            const double d = distance_between(pr.demand[i], pr.candidates[sites[k]]);
            if (d < r.d1[i]) r.d2[i] = r.d1[i], r.d1[i] = d, r.c1[i] = k;
            else if (d < r.d2[i]) r.d2[i] = d;
        }
    });
    return r;
}

std::vector<std::size_t> p_median(const LocationProblem& pr, const LocationOptions& o, std::size_t& passes,
                                  SolverStages& stages) {
    const std::size_t n = pr.demand.size(), m = pr.candidates.size(), p = pr.p;
    Clock clock;
    std::vector<char> open(m, 0);
    std::vector<std::size_t> sites;
    std::vector<double> d1(n, inf);
    for (std::size_t step = 0; step < p; ++step) {
        // Largest saving = smallest cost after adding j; the first site has no current cost.
        const auto [j, value] = best_candidate(m, open, [&](std::size_t c) {
            double cost = 0.0;
            for (std::size_t i = 0; i < n; ++i)
                cost += pr.weight[i] * std::min(d1[i], distance_between(pr.demand[i], pr.candidates[c]));
            return -cost;
        });
        open[j] = 1;
        sites.push_back(j);
        for (std::size_t i = 0; i < n; ++i) d1[i] = std::min(d1[i], distance_between(pr.demand[i], pr.candidates[j]));
        stages.next();  // one more hub opened
    }
    if (p == m) return sites;
    for (passes = 0; clock.seconds() < o.time_limit_seconds; ++passes) {
        const Nearest near = nearest_two(pr, sites);
        std::vector<double> best_delta(m, 0.0);
        std::vector<std::size_t> best_out(m, none);
        tbb::parallel_for(std::size_t{0}, m, [&](std::size_t j) {
            if (open[j]) return;
            double add = 0.0;  // saving of opening j, every site kept
            std::vector<double> extra(sites.size(), 0.0);  // extra cost of then closing sites[k]
            for (std::size_t i = 0; i < n; ++i) {
                const double w = pr.weight[i];
                if (w == 0.0) continue;
                const double dj = distance_between(pr.demand[i], pr.candidates[j]);
                const double with_j = std::min(dj, near.d1[i]);
                add += w * (with_j - near.d1[i]);
                extra[near.c1[i]] += w * (std::min(dj, near.d2[i]) - with_j);
            }
            std::size_t k = 0;
            for (std::size_t q = 1; q < extra.size(); ++q)
                if (extra[q] < extra[k]) k = q;
            best_delta[j] = add + extra[k];
            best_out[j] = k;
        });
        std::size_t in = none;
        for (std::size_t j = 0; j < m; ++j)
            if (!open[j] && (in == none || best_delta[j] < best_delta[in])) in = j;
        // Relative tolerance: a swap must gain more than rounding noise, or passes never end.
        const double scale = std::accumulate(near.d1.begin(), near.d1.end(), 0.0) + 1.0;
        if (in == none || !(best_delta[in] < -1e-12 * scale)) break;
        open[sites[best_out[in]]] = 0;
        sites[best_out[in]] = in;
        open[in] = 1;
    }
    return sites;
}

// ---- covering ---------------------------------------------------------------------

struct CoverState {
    std::vector<std::size_t> count;    // open sites reaching each point
    std::vector<std::size_t> id_sum;   // sum of their indices: the site itself when count == 1
};

CoverState cover_state(const Coverage& c, const std::vector<std::size_t>& sites, std::size_t n) {
    CoverState s{std::vector<std::size_t>(n, 0), std::vector<std::size_t>(n, 0)};
    for (std::size_t j : sites)
        for (std::size_t i : c.points_of[j]) ++s.count[i], s.id_sum[i] += j;
    return s;
}

double uncovered_gain(const LocationProblem& pr, const Coverage& c, const CoverState& s, std::size_t j) {
    double g = 0.0;
    for (std::size_t i : c.points_of[j])
        if (s.count[i] == 0) g += pr.weight[i];
    return g;
}

std::vector<std::size_t> maximal_covering(const LocationProblem& pr, const Coverage& c, const LocationOptions& o,
                                          std::size_t& passes, SolverStages& stages) {
    const std::size_t n = pr.demand.size(), m = pr.candidates.size();
    Clock clock;
    std::vector<char> open(m, 0);
    std::vector<std::size_t> sites;
    CoverState s = cover_state(c, sites, n);
    for (std::size_t step = 0; step < pr.p; ++step) {
        const auto [j, gain] = best_candidate(m, open, [&](std::size_t q) { return uncovered_gain(pr, c, s, q); });
        open[j] = 1;
        sites.push_back(j);
        for (std::size_t i : c.points_of[j]) ++s.count[i], s.id_sum[i] += j;
        stages.next();  // one more hub opened
    }
    if (pr.p == m) return sites;
    for (passes = 0; clock.seconds() < o.time_limit_seconds; ++passes) {
        s = cover_state(c, sites, n);
        std::vector<double> loss(m, 0.0);  // demand only this open site reaches
        for (std::size_t i = 0; i < n; ++i)
            if (s.count[i] == 1) loss[s.id_sum[i]] += pr.weight[i];
        std::vector<double> best_gain(m, 0.0);
        std::vector<std::size_t> best_out(m, none);
        tbb::parallel_for(std::size_t{0}, m, [&](std::size_t j) {
            if (open[j]) return;
            double add = 0.0;
            std::vector<std::pair<std::size_t, double>> kept;  // demand of r's sole points j also reaches
            for (std::size_t i : c.points_of[j]) {
                if (s.count[i] == 0) add += pr.weight[i];
                else if (s.count[i] == 1) kept.emplace_back(s.id_sum[i], pr.weight[i]);
            }
            std::sort(kept.begin(), kept.end());
            double best = -inf;
            std::size_t out = none;
            std::size_t q = 0;
            for (std::size_t r : sites) {
                double back = 0.0;
                while (q < kept.size() && kept[q].first < r) ++q;
                for (std::size_t t = q; t < kept.size() && kept[t].first == r; ++t) back += kept[t].second;
                const double value = add - loss[r] + back;
                if (value > best) best = value, out = r;
            }
            best_gain[j] = best;
            best_out[j] = out;
        });
        std::size_t in = none;
        for (std::size_t j = 0; j < m; ++j)
            if (!open[j] && best_out[j] != none && (in == none || best_gain[j] > best_gain[in])) in = j;
        const double scale = std::accumulate(pr.weight.begin(), pr.weight.end(), 0.0) + 1.0;
        if (in == none || !(best_gain[in] > 1e-12 * scale)) break;
        const std::size_t out = best_out[in];
        open[out] = 0;
        open[in] = 1;
        std::replace(sites.begin(), sites.end(), out, in);
    }
    return sites;
}

// Drops open sites every point of which another open site also reaches, latest first.
void drop_redundant(const LocationProblem& pr, const Coverage& c, std::vector<std::size_t>& sites,
                    std::vector<std::size_t>& count) {
    for (std::size_t k = sites.size(); k-- > 0;) {
        const std::size_t j = sites[k];
        bool needed = false;
        for (std::size_t i : c.points_of[j]) needed |= pr.weight[i] > 0 && count[i] == 1;
        if (needed) continue;
        for (std::size_t i : c.points_of[j]) --count[i];
        sites.erase(sites.begin() + static_cast<std::ptrdiff_t>(k));
    }
}

std::vector<std::size_t> set_covering(const LocationProblem& pr, const Coverage& c, SolverStages& stages) {
    const std::size_t n = pr.demand.size(), m = pr.candidates.size();
    std::vector<char> open(m, 0);
    std::vector<std::size_t> sites;
    CoverState s = cover_state(c, sites, n);
    // Count of points still to cover (demand > 0), not their demand: every person must be reached.
    auto still_open = [&] {
        for (std::size_t i = 0; i < n; ++i)
            if (pr.weight[i] > 0 && s.count[i] == 0) return true;
        return false;
    };
    while (still_open()) {
        const auto [j, gain] = best_candidate(m, open, [&](std::size_t q) {
            double g = 0.0;
            for (std::size_t i : c.points_of[q]) g += (pr.weight[i] > 0 && s.count[i] == 0);
            return g;
        });
        open[j] = 1;
        sites.push_back(j);
        for (std::size_t i : c.points_of[j]) ++s.count[i];
    }
    drop_redundant(pr, c, sites, s.count);
    stages.next();  // everyone covered
    // Local search: replace two open sites by one candidate reaching every point only
    // they reached, until no pair can be merged.
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t a = 0; a < sites.size() && !merged; ++a)
            for (std::size_t b = a + 1; b < sites.size() && !merged; ++b) {
                std::vector<std::size_t> reach;  // candidates reaching every point left uncovered
                bool first = true, possible = true;
                for (std::size_t side : {sites[a], sites[b]})
                    for (std::size_t i : c.points_of[side]) {
                        if (!possible || pr.weight[i] <= 0) continue;
                        const std::size_t by_pair = std::binary_search(c.sites_of[i].begin(), c.sites_of[i].end(),
                                                                       sites[a]) +
                                                    std::binary_search(c.sites_of[i].begin(), c.sites_of[i].end(),
                                                                       sites[b]);
                        if (s.count[i] != by_pair) continue;
                        if (first) reach = c.sites_of[i], first = false;
                        else {
                            std::vector<std::size_t> both;
                            std::set_intersection(reach.begin(), reach.end(), c.sites_of[i].begin(),
                                                  c.sites_of[i].end(), std::back_inserter(both));
                            reach.swap(both);
                        }
                        possible = !reach.empty();
                    }
                if (!possible || first) continue;
                const std::size_t in = reach.front();
                for (std::size_t side : {sites[a], sites[b]})
                    for (std::size_t i : c.points_of[side]) --s.count[i];
                for (std::size_t i : c.points_of[in]) ++s.count[i];
                sites.erase(sites.begin() + static_cast<std::ptrdiff_t>(b));
                sites[a] = in;
                drop_redundant(pr, c, sites, s.count);
                merged = true;
            }
    }
    return sites;
}

}  // namespace

LocationSolution solve_heuristic(const LocationProblem& pr, const Coverage& c, const LocationOptions& o,
                                 SolverStages& stages) {
    LocationSolution s;
    s.solver = "greedy + vertex substitution";
    switch (pr.model) {
        case LocationModel::p_median: s.sites = p_median(pr, o, s.iterations, stages); break;
        case LocationModel::maximal_covering: s.sites = maximal_covering(pr, c, o, s.iterations, stages); break;
        case LocationModel::set_covering:
            s.sites = set_covering(pr, c, stages);
            s.solver = "greedy + redundancy removal";
            break;
    }
    stages.next();  // the swaps (or merges) stopped: no single one improves, or the time ran out
    return s;
}

}  // namespace cohesion
