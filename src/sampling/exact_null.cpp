#include "sampling/exact_null.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <utility>

namespace cohesion::exact_null {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// From the mode outwards with ratio(k) = pmf(k+1)/pmf(k), on the support [a, b]. Unimodal
// distributions only: once a term is below `cut` of the mode every further one is smaller.
template <class Ratio>
LatticePmf tabulate(std::int64_t a, std::int64_t b, std::int64_t mode, Ratio ratio) {
    constexpr double cut = 1e-18;
    mode = std::clamp(mode, a, b);
    std::vector<double> up{1.0}, down;
    double v = 1.0;
    for (std::int64_t k = mode; k < b; ++k) {
        v *= ratio(k);
        if (v < cut) break;
        up.push_back(v);
    }
    v = 1.0;
    for (std::int64_t k = mode; k > a; --k) {
        v /= ratio(k - 1);
        if (v < cut) break;
        down.push_back(v);
    }
    LatticePmf out;
    out.lo = mode - static_cast<std::int64_t>(down.size());
    out.p.assign(down.rbegin(), down.rend());
    out.p.insert(out.p.end(), up.begin(), up.end());
    long double total = 0.0L;
    for (double q : out.p) total += q;
    for (double& q : out.p) q = static_cast<double>(q / total);
    return out;
}

// (size, number of units of that size) for the units' sizes rounded to whole people.
std::vector<std::pair<std::int64_t, std::int64_t>> size_counts(std::span<const double> t) {
    std::vector<std::int64_t> sizes;
    sizes.reserve(t.size());
    std::int64_t largest = 0;
    for (double v : t) {
        const auto n = static_cast<std::int64_t>(std::llround(v));
        if (n <= 0) continue;
        sizes.push_back(n);
        largest = std::max(largest, n);
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    // Census units have a few thousand people at most: count into an array rather than sort.
    if (largest <= std::int64_t{1} << 22 && static_cast<std::size_t>(largest) <= 16 * sizes.size() + 4096) {
        std::vector<std::int64_t> count(static_cast<std::size_t>(largest) + 1, 0);
        for (auto n : sizes) ++count[static_cast<std::size_t>(n)];
        for (std::size_t n = 1; n < count.size(); ++n)
            if (count[n]) out.emplace_back(static_cast<std::int64_t>(n), count[n]);
    } else {
        std::sort(sizes.begin(), sizes.end());
        for (std::size_t i = 0; i < sizes.size();) {
            std::size_t j = i;
            while (j < sizes.size() && sizes[j] == sizes[i]) ++j;
            out.emplace_back(sizes[i], static_cast<std::int64_t>(j - i));
            i = j;
        }
    }
    return out;
}

// E|k − k'| for k, k' independent draws from `d`: with the support in order,
// Σ_a Σ_b p_a p_b |a − b| = 2 Σ_b p_b (b F_<b − S_<b), F and S running sums of p and p·k.
long double mean_difference(const LatticePmf& d) {
    long double F = 0.0L, S = 0.0L, sum = 0.0L;
    for (std::size_t j = 0; j < d.p.size(); ++j) {
        const long double k = static_cast<long double>(d.lo + static_cast<std::int64_t>(j));
        sum += d.p[j] * (k * F - S);
        F += d.p[j];
        S += d.p[j] * k;
    }
    return 2.0L * sum;
}

// A binomial count scaled by 1/n_total, with suffix sums so that E[(V − c)+] is O(1).
struct ScaledCount {
    LatticePmf d;
    std::vector<double> tail_p, tail_m;  // Σ_{j' ≥ j} p, Σ_{j' ≥ j} p·k
    double mean = 0.0;                   // E[count]

    explicit ScaledCount(LatticePmf pmf) : d(std::move(pmf)) {
        tail_p.assign(d.p.size() + 1, 0.0);
        tail_m.assign(d.p.size() + 1, 0.0);
        long double P = 0.0L, M = 0.0L;
        for (std::size_t j = d.p.size(); j-- > 0;) {
            P += d.p[j];
            M += d.p[j] * static_cast<long double>(d.lo + static_cast<std::int64_t>(j));
            tail_p[j] = static_cast<double>(P);
            tail_m[j] = static_cast<double>(M);
        }
        mean = tail_m[0];
    }
    // E[(V − c)+] for V = count / scale, where `first` is the first count with count/scale > c:
    // Σ_{k ≥ first} p_k (k/scale − c).
    double excess_from(std::int64_t first, double c, double inv_scale) const {
        if (first > d.hi()) return 0.0;
        const std::size_t j = first <= d.lo ? 0 : static_cast<std::size_t>(first - d.lo);
        return tail_m[j] * inv_scale - c * tail_p[j];
    }
};

// E[(V − U)+] for U = outer/n_outer and V = inner/n_inner independent: Σ_k P(outer = k)
// E[(V − k/n_outer)+], each term O(1) from the inner's suffix sums. The first inner count above
// k/n_outer, floor(k·n_inner/n_outer) + 1, advances by a fixed quotient and remainder per step,
// so the loop needs no division (an integer division per term was most of the index's time).
double expected_excess(const ScaledCount& outer, std::int64_t n_outer, const ScaledCount& inner, std::int64_t n_inner) {
    const double inv_outer = 1.0 / static_cast<double>(n_outer), inv_inner = 1.0 / static_cast<double>(n_inner);
    const std::int64_t step_q = n_inner / n_outer, step_r = n_inner % n_outer;
    std::int64_t k = outer.d.lo;
    // k ≤ n_outer, so k·n_inner ≤ n_outer·n_inner: fits in 64 bits for any real population.
    std::int64_t q = k * n_inner / n_outer, r = k * n_inner % n_outer;
    double excess = 0.0;
    for (std::size_t j = 0; j < outer.d.p.size(); ++j, ++k) {
        excess += outer.d.p[j] * inner.excess_from(q + 1, static_cast<double>(k) * inv_outer, inv_inner);
        q += step_q;
        r += step_r;
        if (r >= n_outer) {
            ++q;
            r -= n_outer;
        }
    }
    return excess;
}

}  // namespace

LatticePmf binomial_pmf(std::int64_t n, double probability) {
    if (n <= 0 || !(probability > 0.0)) return LatticePmf{0, {1.0}};
    if (probability >= 1.0) return LatticePmf{n, {1.0}};
    const double odds = probability / (1.0 - probability);
    const auto mode = static_cast<std::int64_t>(std::floor(static_cast<double>(n + 1) * probability));
    return tabulate(0, n, mode, [&](std::int64_t k) {
        return static_cast<double>(n - k) / static_cast<double>(k + 1) * odds;
    });
}

LatticePmf poisson_pmf(double mean) {
    if (!(mean > 0.0)) return LatticePmf{0, {1.0}};
    const auto mode = static_cast<std::int64_t>(std::floor(mean));
    return tabulate(0, std::numeric_limits<std::int64_t>::max() / 2, mode,
                    [&](std::int64_t k) { return mean / static_cast<double>(k + 1); });
}

LatticePmf hypergeometric_pmf(std::int64_t N, std::int64_t K, std::int64_t n) {
    const std::int64_t a = std::max<std::int64_t>(0, n - (N - K)), b = std::min(n, K);
    const auto mode = static_cast<std::int64_t>(
        std::floor(static_cast<double>(n + 1) * static_cast<double>(K + 1) / static_cast<double>(N + 2)));
    return tabulate(a, b, mode, [&](std::int64_t k) {
        return static_cast<double>(K - k) * static_cast<double>(n - k) /
               (static_cast<double>(k + 1) * static_cast<double>(N - K - n + k + 1));
    });
}

double dissimilarity_null_mean(std::span<const double> t, double P) {
    const auto sizes = size_counts(t);
    std::int64_t N = 0;
    for (const auto& [n, count] : sizes) N += n * count;
    const auto K = static_cast<std::int64_t>(std::llround(P * static_cast<double>(N)));
    if (K <= 0 || K >= N) return nan;
    const double X = static_cast<double>(K), Y = static_cast<double>(N - K);
    // Units of one size have one count distribution, so E|x/X − (n − x)/Y| once per size.
    long double sum = 0.0L;
    for (const auto& [n, count] : sizes) {
        const LatticePmf h = hypergeometric_pmf(N, K, n);
        long double e = 0.0L;
        for (std::size_t j = 0; j < h.p.size(); ++j) {
            const double x = static_cast<double>(h.lo + static_cast<std::int64_t>(j));
            e += h.p[j] * std::abs(x / X - (static_cast<double>(n) - x) / Y);
        }
        sum += static_cast<long double>(count) * e;
    }
    return static_cast<double>(0.5L * sum);
}

double gini_null_mean(std::span<const double> t, double P) {
    if (!(P > 0.0) || !(P < 1.0)) return nan;
    const auto sizes = size_counts(t);
    struct Point {
        double share;
        double weight;
    };
    std::vector<Point> points;
    long double T = 0.0L, self = 0.0L;
    for (const auto& [n, count] : sizes) {
        const LatticePmf b = binomial_pmf(n, P);
        const double unit_weight = static_cast<double>(count) * static_cast<double>(n);
        for (std::size_t j = 0; j < b.p.size(); ++j)
            points.push_back({static_cast<double>(b.lo + static_cast<std::int64_t>(j)) / static_cast<double>(n),
                              unit_weight * b.p[j]});
        T += unit_weight;
        // i = j: t_i² E|p_i − p_i'| = n E|k − k'|, included by the all-pairs sum below but 0
        // in every real table.
        self += static_cast<long double>(unit_weight) * mean_difference(b);
    }
    if (!(T > 0.0L)) return nan;
    std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.share < b.share; });
    long double W = 0.0L, S = 0.0L, half = 0.0L;
    for (const Point& q : points) {
        half += q.weight * (q.share * W - S);
        W += q.weight;
        S += static_cast<long double>(q.weight) * q.share;
    }
    const long double numerator = 2.0L * half - self;
    return static_cast<double>(numerator / (2.0L * T * T * P * (1.0 - P)));
}

double bootstrap_dissimilarity_mean(std::span<const double> x, std::span<const double> y) {
    long double sx = 0.0L, sy = 0.0L;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
    }
    const auto X = static_cast<std::int64_t>(std::llround(static_cast<double>(sx)));
    const auto Y = static_cast<std::int64_t>(std::llround(static_cast<double>(sy)));
    if (X <= 0 || Y <= 0) return nan;
    // Census counts take few distinct values: one table per value, shared by its units.
    // Whole-people counts index an array directly; fractional ones go through a hash map.
    auto tables_for = [](std::span<const double> v, std::int64_t n, long double total) {
        std::vector<ScaledCount> tables;
        std::vector<std::uint32_t> of_unit(v.size());
        double largest = 0.0;
        bool whole = true;
        for (double e : v) {
            largest = std::max(largest, e);
            whole = whole && e >= 0.0 && e == std::floor(e);
        }
        auto table_of = [&](double value) {
            tables.emplace_back(binomial_pmf(n, static_cast<double>(value / total)));
            return static_cast<std::uint32_t>(tables.size() - 1);
        };
        if (whole && largest <= static_cast<double>(std::int64_t{1} << 22)) {
            std::vector<std::uint32_t> slot(static_cast<std::size_t>(largest) + 1, UINT32_MAX);
            for (std::size_t i = 0; i < v.size(); ++i) {
                std::uint32_t& s = slot[static_cast<std::size_t>(v[i])];
                if (s == UINT32_MAX) s = table_of(v[i]);
                of_unit[i] = s;
            }
        } else {
            std::unordered_map<double, std::uint32_t> slot;
            for (std::size_t i = 0; i < v.size(); ++i) {
                auto [it, inserted] = slot.try_emplace(v[i], 0);
                if (inserted) it->second = table_of(v[i]);
                of_unit[i] = it->second;
            }
        }
        return std::pair{std::move(tables), std::move(of_unit)};
    };
    const auto [ax, unit_x] = tables_for(x, X, sx);
    const auto [by, unit_y] = tables_for(y, Y, sy);
    const double Xd = static_cast<double>(X), Yd = static_cast<double>(Y);
    long double sum = 0.0L;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const ScaledCount& A = ax[unit_x[i]];
        const ScaledCount& B = by[unit_y[i]];
        // |U − V| = (U − V) + 2 (V − U)+ with U = A/X, V = B/Y; sum over the shorter support,
        // finding where the other variable passes each point by integer arithmetic.
        double e;
        if (A.d.p.size() <= B.d.p.size())
            e = A.mean / Xd - B.mean / Yd + 2.0 * expected_excess(A, X, B, Y);
        else
            e = B.mean / Yd - A.mean / Xd + 2.0 * expected_excess(B, Y, A, X);
        sum += e;
    }
    return static_cast<double>(0.5L * sum);
}

}  // namespace cohesion::exact_null
