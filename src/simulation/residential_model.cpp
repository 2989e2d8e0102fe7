#include "simulation/residential_model.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

namespace {

constexpr int max_redraws = 64;

// std::upper_bound(c, x) as an index: the first element above x (c.size() if none). Branch-free
// halving: a logit draw is a search of the cumulative sums, repeated while vacancies are scarce,
// and with the branches mispredicted `simulate --scenarios` on Bedford took 2.6 s, not 2.0 s.
std::size_t first_above(const std::vector<double>& c, double x) {
    if (c.empty()) return 0;
    const double* base = c.data();
    std::size_t len = c.size();
    while (len > 1) {
        const std::size_t half = len / 2;
        base += half * static_cast<std::size_t>(base[half - 1] <= x);  // arithmetic, so no branch
        len -= half;
    }
    return static_cast<std::size_t>(base - c.data()) + (*base <= x ? 1 : 0);
}
// Added to shares before the log quotient, so a group absent from a neighbourhood has a finite term.
constexpr double share_floor = 0.005;

// Capacity and tenure of year t (0-based: the stock during year t's moves).
struct YearStock {
    std::vector<std::int64_t> capacity;
    std::vector<double> private_share, social_share;
    std::vector<double> rate;  // tenure-weighted yearly moving probability
};

YearStock stock_for_year(const SimulationSetup& s, int t) {
    const std::size_t n = s.areas();
    YearStock y;
    y.capacity.resize(n);
    y.private_share = s.private_share;
    y.social_share = s.social_share;
    std::vector<double> dwellings(n);
    const double f = s.years > 0 ? std::min(1.0, static_cast<double>(t) / s.years) : 1.0;
    for (std::size_t i = 0; i < n; ++i)
        dwellings[i] = s.capacity_start[i] + (s.capacity_end[i] - s.capacity_start[i]) * f;
    for (const auto& c : s.levers.tenure_changes) {
        if (t < c.year_offset) continue;
        for (std::size_t i : c.areas) {
            const double moved = y.private_share[i] * c.fraction;
            y.private_share[i] -= moved;
            y.social_share[i] += moved;
        }
    }
    for (const auto& d : s.levers.developments) {
        if (t < d.year_offset) continue;
        const std::size_t i = d.area;
        const double total = dwellings[i] + d.dwellings;
        if (total <= 0) continue;
        y.private_share[i] = (y.private_share[i] * dwellings[i] + d.private_share * d.dwellings) / total;
        y.social_share[i] = (y.social_share[i] * dwellings[i] + d.social_share * d.dwellings) / total;
        dwellings[i] = total;
    }
    y.rate.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        y.capacity[i] = static_cast<std::int64_t>(std::llround(std::max(0.0, dwellings[i])));
        const double owner = std::max(0.0, 1.0 - y.private_share[i] - y.social_share[i]);
        y.rate[i] = owner * s.rates.owner + y.social_share[i] * s.rates.social + y.private_share[i] * s.rates.private_rented;
    }
    return y;
}

// n draws without replacement spread over cells in proportion to their counts (a
// multivariate hypergeometric by sequential binomials on the remaining mass).
void remove_at_random(std::int64_t* cells, std::size_t count, std::int64_t remove, std::mt19937_64& rng) {
    std::int64_t total = 0;
    for (std::size_t i = 0; i < count; ++i) total += cells[i];
    remove = std::min(remove, total);
    for (std::size_t i = 0; i < count && remove > 0; ++i) {
        if (cells[i] == 0) continue;
        const double p = static_cast<double>(cells[i]) / static_cast<double>(total);
        total -= cells[i];
        std::int64_t k = remove;
        if (total > 0) {
            std::binomial_distribution<std::int64_t> b(remove, std::min(1.0, p));
            k = std::min(b(rng), cells[i]);
            // Keep enough for the remaining cells to supply the rest.
            k = std::max(k, remove - total);
        }
        cells[i] -= k;
        remove -= k;
    }
}

struct Mover {
    std::uint32_t group;
    std::uint32_t origin;  // == areas for an arrival from outside the town
    bool arrival;          // a new household (not leaving a dwelling in the town)
};

}  // namespace

void validate_setup(const SimulationSetup& s, const ModelParameters& p) {
    const std::size_t n = s.areas(), k = s.groups();
    if (n == 0 || k == 0) throw Error("simulation: no areas or no groups");
    const auto need = [&](std::size_t size, std::size_t expected, const char* field) {
        if (size != expected)
            throw Error(std::string("simulation: ") + field + " has " + std::to_string(size) + " values, expected " +
                        std::to_string(expected));
    };
    need(s.start.size(), n * k, "start (households per area × group)");
    need(s.capacity_start.size(), n, "capacity_start");
    need(s.capacity_end.size(), n, "capacity_end");
    need(s.private_share.size(), n, "private_share");
    need(s.social_share.size(), n, "social_share");
    need(s.x_km.size(), n, "x_km");
    need(s.y_km.size(), n, "y_km");
    need(s.group_growth.size(), k, "group_growth");
    need(p.share.size(), k, "parameters.share");
    if (s.neighbourhood.n != n) need(s.neighbourhood.n, n, "neighbourhood weights");
    if (s.years < 0) throw Error("simulation: years must be ≥ 0");
    for (std::size_t c = 0; c < s.start.size(); ++c)
        if (s.start[c] < 0) throw Error("simulation: negative households in area " + s.area_codes[c % n]);
    for (double g : s.group_growth)
        if (!(g > 0.0) || !std::isfinite(g)) throw Error("simulation: group growth factors must be positive");
    for (const auto& d : s.levers.developments)
        if (d.area >= n || d.dwellings < 0) throw Error("simulation: development outside the areas or with negative dwellings");
    for (const auto& r : s.levers.allocation_rules) {
        need(r.max_share.size(), k, "allocation rule max_share (one per group)");
        for (std::size_t j : r.areas)
            if (j >= n) throw Error("simulation: allocation rule names an area outside the town");
        for (double m : r.max_share)
            if (!(m >= 0 && m <= 1)) throw Error("simulation: allocation rule shares must be between 0 and 1");
    }
}

RunResult simulate_run(const SimulationSetup& s, const ModelParameters& p, std::uint64_t seed, std::uint64_t replicate,
                       bool keep_every_year) {
    const std::size_t n = s.areas(), k = s.groups();
    auto rng = replicate_engine(seed, replicate);
    RunResult out;
    std::vector<std::int64_t> counts = s.start;
    if (keep_every_year) out.counts.push_back(counts);

    // exp(β_d · d_oj), fixed for the run: n² doubles, built once (the year loop only multiplies).
    std::vector<double> kernel(n * n);
    for (std::size_t o = 0; o < n; ++o)
        for (std::size_t j = 0; j < n; ++j)
            kernel[o * n + j] = std::exp(p.distance_per_km * std::hypot(s.x_km[o] - s.x_km[j], s.y_km[o] - s.y_km[j]));

    std::vector<double> target(k);
    for (std::size_t g = 0; g < k; ++g) {
        double t = 0;
        for (std::size_t i = 0; i < n; ++i) t += static_cast<double>(s.start[g * n + i]);
        target[g] = t;
    }

    std::vector<std::int64_t> occupied(n), movers_from(n * k);
    std::vector<double> attraction(k * n), cumulative(n);
    std::vector<std::int64_t> vacancies(n);
    std::vector<Mover> movers;
    std::vector<double> area_total(n), neighbourhood_total(n);
    std::vector<std::vector<double>> cache(k * (n + 1));
    std::vector<char> cache_valid(k * (n + 1), 0);

    for (int t = 0; t < s.years; ++t) {
        const YearStock stock = stock_for_year(s, t + 1);

        // 2. Departures (random) for shrinking groups; arrivals join the movers.
        movers.clear();
        for (std::size_t g = 0; g < k; ++g) {
            target[g] *= s.group_growth[g];
            std::int64_t current = 0;
            for (std::size_t i = 0; i < n; ++i) current += counts[g * n + i];
            const auto goal = static_cast<std::int64_t>(std::llround(target[g]));
            if (goal < current) {
                remove_at_random(counts.data() + g * n, n, current - goal, rng);
                out.departures += current - goal;
            } else if (goal > current) {
                // New households: some form where their group lives (origin drawn by its counts).
                std::vector<double> where(n);
                double acc = 0;
                for (std::size_t i = 0; i < n; ++i) where[i] = (acc += static_cast<double>(counts[g * n + i]));
                std::uniform_real_distribution<double> u(0.0, 1.0);
                for (std::int64_t a = 0; a < goal - current; ++a) {
                    std::uint32_t origin = static_cast<std::uint32_t>(n);
                    if (acc > 0 && u(rng) < s.arrivals_near_group) {
                        const double x = u(rng) * acc;
                        origin = static_cast<std::uint32_t>(
                            std::min<std::size_t>(n - 1, first_above(where, x)));
                    }
                    movers.push_back({static_cast<std::uint32_t>(g), origin, true});
                }
            }
        }

        // 3. Movers by tenure-weighted rate (times any mobility lever), plus overflow.
        std::vector<double> multiplier;
        for (const auto& m : s.levers.mobility_changes) {
            if (t + 1 < m.year_offset || m.group >= k) continue;
            if (multiplier.empty()) multiplier.assign(n * k, 1.0);
            for (std::size_t i : m.areas) multiplier[m.group * n + i] *= m.multiplier;
        }
        std::fill(occupied.begin(), occupied.end(), 0);
        for (std::size_t g = 0; g < k; ++g)
            for (std::size_t i = 0; i < n; ++i) {
                std::int64_t& c = counts[g * n + i];
                double rate = stock.rate[i] * (multiplier.empty() ? 1.0 : multiplier[g * n + i]);
                rate = std::clamp(rate, 0.0, 1.0);
                std::int64_t m = 0;
                if (c > 0 && rate > 0) m = std::binomial_distribution<std::int64_t>(c, rate)(rng);
                c -= m;
                movers_from[g * n + i] = m;
                occupied[i] += c;
            }
        for (std::size_t i = 0; i < n; ++i) {
            // Capacity fell below the stayers: the excess must move too, drawn across groups.
            std::int64_t excess = occupied[i] - stock.capacity[i];
            while (excess > 0) {
                std::int64_t stay = 0;
                for (std::size_t g = 0; g < k; ++g) stay += counts[g * n + i];
                std::uniform_int_distribution<std::int64_t> pick(0, stay - 1);
                std::int64_t r = pick(rng);
                for (std::size_t g = 0; g < k; ++g) {
                    if (r < counts[g * n + i]) {
                        --counts[g * n + i];
                        ++movers_from[g * n + i];
                        break;
                    }
                    r -= counts[g * n + i];
                }
                --occupied[i];
                --excess;
            }
        }
        for (std::size_t g = 0; g < k; ++g)
            for (std::size_t i = 0; i < n; ++i)
                for (std::int64_t m = 0; m < movers_from[g * n + i]; ++m)
                    movers.push_back({static_cast<std::uint32_t>(g), static_cast<std::uint32_t>(i), false});
        std::shuffle(movers.begin(), movers.end(), rng);

        // 4. Attraction a_gj = v_j exp(β_g s_gj + β_pr pr_j); vacancies fixed for the weights.
        std::int64_t total_vacant = 0;
        for (std::size_t j = 0; j < n; ++j) {
            vacancies[j] = std::max<std::int64_t>(0, stock.capacity[j] - occupied[j]);
            total_vacant += vacancies[j];
        }
        // Neighbourhood shares as movers see them: everyone present this year, movers included.
        for (std::size_t i = 0; i < n; ++i) {
            std::int64_t a = 0;
            for (std::size_t g = 0; g < k; ++g) a += counts[g * n + i] + movers_from[g * n + i];
            area_total[i] = static_cast<double>(a);
        }
        for (std::size_t j = 0; j < n; ++j) {
            double tot = 0;
            const auto nb = s.neighbourhood.neighbours_of(j);
            const auto w = s.neighbourhood.weights_of(j);
            for (std::size_t q = 0; q < nb.size(); ++q) tot += w[q] * area_total[nb[q]];
            neighbourhood_total[j] = tot;
        }
        // Arrivals only take dwellings left over once every mover from a home can be housed.
        std::int64_t local_movers = 0;
        for (const Mover& m : movers) local_movers += !m.arrival;
        std::int64_t arrivals_allowed = std::max<std::int64_t>(0, total_vacant - local_movers);
        double everyone = 0;
        for (std::size_t i = 0; i < n; ++i) everyone += area_total[i];
        for (std::size_t g = 0; g < k; ++g) {
            double group = 0;
            for (std::size_t i = 0; i < n; ++i) group += static_cast<double>(counts[g * n + i] + movers_from[g * n + i]);
            const double town_share = everyone > 0 ? group / everyone : 0.0;
            for (std::size_t j = 0; j < n; ++j) {
                double own = 0;
                const auto nb = s.neighbourhood.neighbours_of(j);
                const auto w = s.neighbourhood.weights_of(j);
                for (std::size_t q = 0; q < nb.size(); ++q) own += w[q] * static_cast<double>(counts[g * n + nb[q]] + movers_from[g * n + nb[q]]);
                const double share = neighbourhood_total[j] > 0 ? own / neighbourhood_total[j] : 0.0;
                const double lq = std::log((share + share_floor) / (town_share + share_floor));
                attraction[g * n + j] =
                    static_cast<double>(vacancies[j]) * std::exp(p.share[g] * lq + p.private_rented * stock.private_share[j]);
            }
        }

        // Movers sorted by (group, origin) would share cumulative sums; shuffled order matters
        // for who gets the last vacancies, so cache the sums per (group, origin) instead.
        // The buffers live across years (re-allocating ~n² doubles a year costs page faults).
        std::fill(cache_valid.begin(), cache_valid.end(), 0);
        const auto sums = [&](std::uint32_t g, std::uint32_t o) -> const std::vector<double>& {
            auto& c = cache[g * (n + 1) + o];
            if (!cache_valid[g * (n + 1) + o]) {
                cache_valid[g * (n + 1) + o] = 1;
                c.resize(n);
                double acc = 0;
                const double* a = attraction.data() + g * n;
                if (o == n) {
                    for (std::size_t j = 0; j < n; ++j) c[j] = (acc += a[j]);
                } else {
                    const double* kr = kernel.data() + static_cast<std::size_t>(o) * n;
                    for (std::size_t j = 0; j < n; ++j) c[j] = (acc += a[j] * kr[j]);
                }
            }
            return c;
        };
        // 5. Allocation rules active this year: each group's maximum share of an area's new
        // social tenants (empty: no rule active). Social lettings = vacancies × the share of the
        // area's moves out that leave social homes.
        std::vector<double> quota;
        for (const auto& rule : s.levers.allocation_rules) {
            if (t + 1 < rule.year_offset) continue;
            if (quota.empty()) quota.assign(n * k, 2.0);  // above 1: the area has no rule
            for (std::size_t j : rule.areas)
                for (std::size_t g = 0; g < k; ++g) quota[g * n + j] = std::min(quota[g * n + j], rule.max_share[g]);
        }
        if (!s.levers.allocation_rules.empty()) out.quota_lettings.emplace_back(n * k, 0);
        std::vector<std::int64_t> social_open;  // lettings still open for applications
        std::vector<std::vector<Mover>> applicants;
        if (!quota.empty()) {
            social_open.assign(n, 0);
            applicants.resize(n);
            for (std::size_t j = 0; j < n; ++j) {
                if (quota[j] > 1.0) continue;
                const double leaving_social = stock.rate[j] > 0
                                                  ? stock.social_share[j] * s.rates.social / stock.rate[j]
                                                  : stock.social_share[j];
                social_open[j] = std::min(
                    vacancies[j], static_cast<std::int64_t>(std::llround(static_cast<double>(vacancies[j]) *
                                                                         std::clamp(leaving_social, 0.0, 1.0))));
            }
        }

        std::uniform_real_distribution<double> unit(0.0, 1.0);
        // A destination for m among areas with available(j) > 0: logit draws, up to 64 redraws,
        // then the next area with room from a random start; n when none has room.
        const auto choose = [&](const Mover& m, const auto& available) -> std::size_t {
            const auto& c = sums(m.group, m.origin);
            if (c.back() > 0) {
                for (int attempt = 0; attempt < max_redraws; ++attempt) {
                    const double u = unit(rng) * c.back();
                    std::size_t cand = first_above(c, u);
                    if (cand >= n) cand = n - 1;
                    if (available(cand) > 0) return cand;
                }
            }
            ++out.fallback_placements;
            const std::size_t start = std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
            for (std::size_t q = 0; q < n; ++q)
                if (available((start + q) % n) > 0) return (start + q) % n;
            return n;
        };
        // Arrivals housed this year outside the quota lettings (allocation years only): a refused
        // household from a home that finds no other vacancy takes the last one's dwelling.
        std::vector<std::pair<std::uint32_t, std::size_t>> housed_arrivals;
        const auto settle = [&](const Mover& m, std::size_t j) {
            --vacancies[j];
            --total_vacant;
            ++counts[m.group * n + j];
            if (m.arrival) ++out.arrivals;
            else ++out.moves;
            if (m.arrival && !social_open.empty()) housed_arrivals.emplace_back(m.group, j);
        };
        const auto any_vacancy = [&](std::size_t j) { return vacancies[j]; };
        for (const Mover& m : movers) {
            if (m.arrival) {
                if (arrivals_allowed == 0) {  // the town is full: this arrival is not housed
                    ++out.unhoused;
                    target[m.group] -= 1.0;
                    continue;
                }
                --arrivals_allowed;
            }
            const std::size_t j = choose(m, any_vacancy);
            if (j == n) {  // no vacancy anywhere (arrivals are limited, so only if capacity is exhausted)
                if (m.arrival) ++out.unhoused;
                else ++out.departures;
                target[m.group] -= 1.0;
                continue;
            }
            if (!social_open.empty() && social_open[j] > 0 &&
                std::uniform_int_distribution<std::int64_t>(0, vacancies[j] - 1)(rng) < social_open[j]) {
                // A social letting under a quota: apply for it (the dwelling is held until the letting).
                --social_open[j];
                --vacancies[j];
                --total_vacant;
                applicants[j].push_back(m);
                continue;
            }
            settle(m, j);
        }
        if (!quota.empty()) {
            // Each area lets to the most applicants A (in their random order) with no group above ⌊max_g · A⌋.
            auto& lettings = out.quota_lettings.back();
            std::vector<Mover> refused;
            std::vector<std::int64_t> applied(k), taken(k);
            for (std::size_t j = 0; j < n; ++j) {
                const auto& list = applicants[j];
                if (list.empty()) continue;
                std::fill(applied.begin(), applied.end(), 0);
                for (const Mover& m : list) ++applied[m.group];
                const auto limit = [&](std::size_t g, std::int64_t a) {
                    return static_cast<std::int64_t>(std::floor(quota[g * n + j] * static_cast<double>(a) + 1e-9));
                };
                auto A = static_cast<std::int64_t>(list.size());
                for (; A > 0; --A) {
                    std::int64_t fit = 0;
                    for (std::size_t g = 0; g < k; ++g) fit += std::min(applied[g], limit(g, A));
                    if (fit >= A) break;
                }
                std::fill(taken.begin(), taken.end(), 0);
                std::int64_t made = 0;
                for (const Mover& m : list) {
                    if (made < A && taken[m.group] < limit(m.group, A)) {
                        ++taken[m.group];
                        ++made;
                        ++counts[m.group * n + j];
                        ++lettings[m.group * n + j];
                        if (m.arrival) ++out.arrivals;
                        else ++out.moves;
                    } else {
                        refused.push_back(m);
                    }
                }
                out.lettings_left_empty += static_cast<std::int64_t>(list.size()) - made;
            }
            out.quota_refusals += static_cast<std::int64_t>(refused.size());
            // Refused applicants choose again; the ruled areas' social lettings are closed for the year.
            const auto not_social = [&](std::size_t j) { return vacancies[j] - social_open[j]; };
            for (const Mover& m : refused) {
                const std::size_t j = choose(m, not_social);
                if (j < n) {
                    settle(m, j);
                } else if (!m.arrival && !housed_arrivals.empty()) {
                    // Movers from a home are housed before arrivals (as every year): the last arrival
                    // housed gives up its dwelling and is counted as not housed.
                    const auto [g, i] = housed_arrivals.back();
                    housed_arrivals.pop_back();
                    --counts[g * n + i];
                    --out.arrivals;
                    ++out.unhoused;
                    target[g] -= 1.0;
                    ++counts[m.group * n + i];
                    ++out.moves;
                } else {  // nowhere at all: the household leaves the town (or the arrival is not housed)
                    if (m.arrival) ++out.unhoused;
                    else ++out.departures;
                    target[m.group] -= 1.0;
                }
            }
        }
        if (keep_every_year || t + 1 == s.years) out.counts.push_back(counts);
    }
    if (out.counts.empty()) out.counts.push_back(counts);
    return out;
}

std::vector<RunResult> simulate_replicates(const SimulationSetup& setup, const ModelParameters& parameters,
                                           std::uint64_t seed, std::size_t count, std::size_t first,
                                           bool keep_every_year) {
    validate_setup(setup, parameters);
    std::vector<RunResult> out(count);
    tbb::parallel_for(std::size_t{0}, count, [&](std::size_t r) {
        out[r] = simulate_run(setup, parameters, seed, first + r, keep_every_year);
    });
    return out;
}

std::vector<RunResult> simulate_replicates(const SimulationSetup& setup,
                                           const std::function<const ModelParameters&(std::uint64_t)>& parameters_of,
                                           std::uint64_t seed, std::size_t count, std::size_t first,
                                           bool keep_every_year) {
    for (std::size_t r = 0; r < count; ++r) validate_setup(setup, parameters_of(first + r));
    std::vector<RunResult> out(count);
    tbb::parallel_for(std::size_t{0}, count, [&](std::size_t r) {
        out[r] = simulate_run(setup, parameters_of(first + r), seed, first + r, keep_every_year);
    });
    return out;
}

}  // namespace cohesion
