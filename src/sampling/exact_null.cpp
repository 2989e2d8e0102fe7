#include "sampling/exact_null.hpp"

#include "sampling/pair_memo.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <utility>

namespace cohesion::exact_null {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// From the mode outwards with ratio(k) = pmf(k+1)/pmf(k), on the support [a, b], into `out`
// (replaced); returns the first value of the support. Unimodal distributions only: once a term
// is below `cut` of the mode every further one is smaller.
// Why into a caller's buffer: inside bootstrap replicates the exact indices tabulate hundreds of
// distributions per call, and a fresh vector for each was a fifth of their time.
template <class Ratio>
std::int64_t tabulate_into(std::vector<double>& out, std::int64_t a, std::int64_t b, std::int64_t mode, Ratio ratio) {
    constexpr double cut = 1e-18;
    mode = std::clamp(mode, a, b);
    thread_local std::vector<double> down;
    down.clear();
    double v = 1.0;
    for (std::int64_t k = mode; k > a; --k) {
        // Multiply by the reciprocal: a division of v itself would chain each term's latency.
        v *= 1.0 / ratio(k - 1);
        if (v < cut) break;
        down.push_back(v);
    }
    out.assign(down.rbegin(), down.rend());
    out.push_back(1.0);
    v = 1.0;
    for (std::int64_t k = mode; k < b; ++k) {
        v *= ratio(k);
        if (v < cut) break;
        out.push_back(v);
    }
    // Double sums in two lanes (terms are positive and few: relative error ~ terms × 1e-16), and
    // one multiplication per term: long-double sums and divisions were a third of the tabulation.
    double total_even = 0.0, total_odd = 0.0;
    std::size_t j = 0;
    for (; j + 1 < out.size(); j += 2) {
        total_even += out[j];
        total_odd += out[j + 1];
    }
    if (j < out.size()) total_even += out[j];
    const double inverse_total = 1.0 / (total_even + total_odd);
    for (double& q : out) q *= inverse_total;
    return mode - static_cast<std::int64_t>(down.size());
}

template <class Ratio>
LatticePmf tabulate(std::int64_t a, std::int64_t b, std::int64_t mode, Ratio ratio) {
    LatticePmf out;
    out.lo = tabulate_into(out.p, a, b, mode, ratio);
    return out;
}

// 1/k for k < reciprocal_count, made once: the binomial recurrence multiplies by them instead of
// dividing (a division per term was most of a table's time inside bootstrap replicates).
constexpr std::size_t reciprocal_count = 1 << 13;
const double* reciprocals() {
    static const std::vector<double> table = [] {
        std::vector<double> t(reciprocal_count, 0.0);
        for (std::size_t k = 1; k < reciprocal_count; ++k) t[k] = 1.0 / static_cast<double>(k);
        return t;
    }();
    return table.data();
}

// A tabulated distribution held by the tabulating thread: probabilities p[j]·scale on lo+j for
// j < size (not normalised in place: each user folds `scale` into a pass it makes anyway); valid
// until that thread's next tabulation.
struct TableView {
    std::int64_t lo = 0;
    const double* p = nullptr;
    std::size_t size = 0;
    double scale = 1.0;
};

// Binomial(n, probability). The same support as tabulate_into (every value whose
// probability is at least `cut` of the mode's), found another way: all by the upward recurrence
// pmf(k+1) = pmf(k) (n−k)/(k+1) · odds from a start below the support, multiplications only
// (a division per term was most of a table's time inside bootstrap replicates), in two
// interleaved chains (each term from the one two back, so a multiplication's latency is paid
// once per two terms), then trimmed at both ends.
// The start: by Chernoff's (P(X ≤ μ−t) ≤ exp(−t²/2μ)) or Bernstein's (≤ exp(−t²/2(σ²+t/3)))
// bound, every value at or below μ − t has probability ≤ exp(−L) = cut · 0.75/(4σ+1), and the
// mode's is at least 0.75/(4σ+1) (Chebyshev: 3/4 of the mass lies within 2σ, on at most 4σ+1
// values), so nothing below the start would be kept. Values rise from 1 at the start to
// e^(t²/2σ²) or so ≪ 1e308 at the mode, and no kept one is below cut of the mode: no over- or underflow.
TableView binomial_table(std::int64_t n, double probability) {
    constexpr double cut = 1e-18;
    // The thread's scratch only grows, so it is zero-filled once, not on every table.
    thread_local std::vector<double> scratch;
    auto reserve = [](std::size_t need) {
        if (scratch.size() < need) scratch.resize(std::max(need, 2 * scratch.size()));
    };
    reserve(64);
    if (n <= 0 || !(probability > 0.0) || probability >= 1.0) {
        scratch[0] = 1.0;
        return {n > 0 && probability >= 1.0 ? n : 0, scratch.data(), 1, 1.0};
    }
    const double nd = static_cast<double>(n), odds = probability / (1.0 - probability);
    const double mu = nd * probability, variance = mu * (1.0 - probability), sigma = std::sqrt(variance);
    const double L = -std::log(cut) + std::log((4.0 * sigma + 1.0) / 0.75);
    const double t = std::min(std::sqrt(2.0 * L * mu), L / 3.0 + std::sqrt(L * L / 9.0 + 2.0 * L * variance));
    const auto mode = std::clamp(static_cast<std::int64_t>(std::floor((nd + 1.0) * probability)), std::int64_t{0}, n);
    const auto start = std::clamp(static_cast<std::int64_t>(std::floor(mu - t)), std::int64_t{0}, mode);
    const double* inverse = reciprocals();
    // ratio(k) = pmf(k+1)/pmf(k).
    auto ratio = [&](std::int64_t k) {
        const double up = (nd - static_cast<double>(k)) * odds;
        return k + 1 < static_cast<std::int64_t>(reciprocal_count) ? up * inverse[k + 1]
                                                                   : up / static_cast<double>(k + 1);
    };
    const auto mode_at = static_cast<std::size_t>(mode - start);
    const auto last = static_cast<std::size_t>(n - start);  // the index of k = n
    // Terms are made in blocks; past the mode, a block whose last term is below cut of the
    // mode ends the run (the pmf only falls from there).
    constexpr std::size_t block = 16;
    reserve(mode_at + 1 + block);
    double* w = scratch.data();
    w[0] = 1.0;
    std::size_t made = 1;
    // The total in the same loop, one sum per chain. It includes the few terms trimmed below,
    // each under cut of the mode: the normaliser moves by less than 1e-16 relative.
    double r_previous = 0.0, keep = 0.0, total_even = 1.0, total_odd = 0.0;  // two lanes: w[0] = 1 in the first
    for (;;) {
        const std::size_t end = std::min(last + 1, std::max(made + block, mode_at + 1));
        reserve(end);
        w = scratch.data();
        std::size_t j = made;
        if (j == 1 && j < end) {
            r_previous = ratio(start);
            w[1] = r_previous;
            total_odd += r_previous;
            ++j;
        }
        // The chains' values stay in registers: read back from memory, each multiplication
        // waited for a store to be forwarded.
        double two_back = j >= 2 ? w[j - 2] : 0.0, one_back = j >= 1 ? w[j - 1] : 0.0;
        for (; j + 1 < end; j += 2) {
            const double r0 = ratio(start + static_cast<std::int64_t>(j) - 1);
            const double r1 = ratio(start + static_cast<std::int64_t>(j));
            two_back *= r_previous * r0;
            one_back *= r0 * r1;
            w[j] = two_back;
            w[j + 1] = one_back;
            total_even += two_back;
            total_odd += one_back;
            r_previous = r1;
        }
        if (j < end) {
            const double r = ratio(start + static_cast<std::int64_t>(j) - 1);
            w[j] = w[j - 2] * (r_previous * r);
            total_even += w[j];
            r_previous = r;
        }
        made = end;
        if (made > mode_at) keep = w[mode_at] * cut;
        if (made == last + 1 || (made > mode_at + 1 && w[made - 1] < keep) || !std::isfinite(w[made - 1])) break;
    }
    // The values rise by more than 1e308 from the start only for a probability within ~1e-16 of
    // 0 or 1 in a huge n (no census share): then from the mode outwards, as the other tables.
    if (!std::isfinite(total_even + total_odd)) {
        thread_local std::vector<double> outwards;
        const std::int64_t lo = tabulate_into(outwards, 0, n, mode, [nd, odds](std::int64_t k) {
            return (nd - static_cast<double>(k)) / static_cast<double>(k + 1) * odds;
        });
        reserve(outwards.size());
        std::copy(outwards.begin(), outwards.end(), scratch.data());
        return {lo, scratch.data(), outwards.size(), 1.0};
    }
    // Trim: the rising side is non-decreasing, the falling side non-increasing.
    const auto first = static_cast<std::size_t>(std::lower_bound(w, w + mode_at, keep) - w);
    std::size_t stop = made;
    while (stop > mode_at + 1 && w[stop - 1] < keep) --stop;
    return {start + static_cast<std::int64_t>(first), w + first, stop - first, 1.0 / (total_even + total_odd)};
}

// Focal count among n drawn without replacement from N people of whom K are focal, into `out`.
std::int64_t hypergeometric_into(std::vector<double>& out, std::int64_t N, std::int64_t K, std::int64_t n) {
    const std::int64_t a = std::max<std::int64_t>(0, n - (N - K)), b = std::min(n, K);
    const auto mode = static_cast<std::int64_t>(
        std::floor(static_cast<double>(n + 1) * static_cast<double>(K + 1) / static_cast<double>(N + 2)));
    return tabulate_into(out, a, b, mode, [&](std::int64_t k) {
        return static_cast<double>(K - k) * static_cast<double>(n - k) /
               (static_cast<double>(k + 1) * static_cast<double>(N - K - n + k + 1));
    });
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
double mean_difference(const TableView& d) {
    double F = 0.0, S = 0.0, sum = 0.0;
    for (std::size_t j = 0; j < d.size; ++j) {
        const double k = static_cast<double>(d.lo + static_cast<std::int64_t>(j));
        sum += d.p[j] * (k * F - S);
        F += d.p[j];
        S += d.p[j] * k;
    }
    return 2.0 * sum * d.scale * d.scale;
}

// Binomial counts scaled by 1/n_total, with suffix sums so that E[(V − c)+] is O(1). All of a
// call's distributions live in one arena (three flat arrays), not a vector each.
struct ScaledCount {
    std::int64_t lo = 0;
    std::size_t size = 0;
    const double* p = nullptr;       // pmf on lo … lo+size−1
    const double* tail_p = nullptr;  // Σ_{j' ≥ j} p, size+1 entries
    const double* tail_m = nullptr;  // Σ_{j' ≥ j} p·k
    double mean = 0.0;               // E[count]
    std::int64_t hi() const { return lo + static_cast<std::int64_t>(size) - 1; }
    // E[(V − c)+] for V = count / scale, where `first` is the first count with count/scale > c:
    // Σ_{k ≥ first} p_k (k/scale − c).
    double excess_from(std::int64_t first, double c, double inv_scale) const {
        if (first > hi()) return 0.0;
        const std::size_t j = first <= lo ? 0 : static_cast<std::size_t>(first - lo);
        return tail_m[j] * inv_scale - c * tail_p[j];
    }
};

class ScaledCountArena {
public:
    void clear() {
        entries_.clear();
        p_.clear();
        tails_.clear();
    }
    // Adds Binomial(n, probability); returns its index.
    std::uint32_t add_binomial(std::int64_t n, double probability) {
        const TableView pmf = binomial_table(n, probability);
        const std::int64_t lo = pmf.lo;
        const std::size_t m = pmf.size;
        Entry e{lo, p_.size(), tails_.size(), m, 0.0};
        p_.resize(p_.size() + m);
        double* p = p_.data() + e.p;
        for (std::size_t j = 0; j < m; ++j) p[j] = pmf.p[j] * pmf.scale;
        tails_.resize(tails_.size() + 2 * (m + 1));
        double* tail_p = tails_.data() + e.tails;
        double* tail_m = tail_p + m + 1;
        tail_p[m] = tail_m[m] = 0.0;
        // Summed from the far tail inwards, small terms first, in double (relative error ~ support × 1e-16).
        double P = 0.0, M = 0.0;
        for (std::size_t j = m; j-- > 0;) {
            P += p[j];
            M += p[j] * static_cast<double>(lo + static_cast<std::int64_t>(j));
            tail_p[j] = P;
            tail_m[j] = M;
        }
        e.mean = tail_m[0];
        entries_.push_back(e);
        return static_cast<std::uint32_t>(entries_.size() - 1);
    }
    // Valid until the next add (the arrays may move).
    ScaledCount operator[](std::uint32_t i) const {
        const Entry& e = entries_[i];
        const double* tails = tails_.data() + e.tails;
        return ScaledCount{e.lo, e.size, p_.data() + e.p, tails, tails + e.size + 1, e.mean};
    }

private:
    struct Entry {
        std::int64_t lo;
        std::size_t p, tails, size;
        double mean;
    };
    std::vector<Entry> entries_;
    std::vector<double> p_, tails_;
};

// E[(V − U)+] for U = outer/n_outer and V = inner/n_inner independent: Σ_k P(outer = k)
// E[(V − k/n_outer)+], each term O(1) from the inner's suffix sums. The first inner count above
// k/n_outer, floor(k·n_inner/n_outer) + 1, advances by a fixed quotient and remainder per step,
// so the loop needs no division (an integer division per term was most of the index's time).
double expected_excess(const ScaledCount& outer, std::int64_t n_outer, const ScaledCount& inner, std::int64_t n_inner) {
    const double inv_outer = 1.0 / static_cast<double>(n_outer), inv_inner = 1.0 / static_cast<double>(n_inner);
    const std::int64_t step_q = n_inner / n_outer, step_r = n_inner % n_outer;
    std::int64_t k = outer.lo;
    // k ≤ n_outer, so k·n_inner ≤ n_outer·n_inner: fits in 64 bits for any real population.
    std::int64_t q = k * n_inner / n_outer, r = k * n_inner % n_outer;
    double excess = 0.0;
    for (std::size_t j = 0; j < outer.size; ++j, ++k) {
        excess += outer.p[j] * inner.excess_from(q + 1, static_cast<double>(k) * inv_outer, inv_inner);
        q += step_q;
        r += step_r;
        if (r >= n_outer) {
            ++q;
            r -= n_outer;
        }
    }
    return excess;
}

// Puts `points` in ascending order of share: a counting pass into as many equal-width buckets as
// points, then insertion sort within each (shares of binomial supports spread smoothly, so
// buckets hold a few points). Exact order, O(points) — a comparison sort of every call's tens of
// thousands of points was most of modified Gini's time inside bootstrap replicates.
template <class Point>
void sort_by_share(std::vector<Point>& points, std::vector<Point>& scratch) {
    const std::size_t n = points.size();
    if (n < 64) {
        std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.share < b.share; });
        return;
    }
    double lo = points[0].share, hi = lo;
    for (const Point& q : points) {
        lo = std::min(lo, q.share);
        hi = std::max(hi, q.share);
    }
    if (!(hi > lo)) return;  // all equal: any order
    // (share − lo)·scale is non-decreasing in share (rounded operations are monotone), so bucket
    // order agrees with share order.
    const double scale = static_cast<double>(n) / (hi - lo);
    auto bucket = [&](double share) { return std::min(n - 1, static_cast<std::size_t>((share - lo) * scale)); };
    thread_local std::vector<std::uint32_t> start;
    start.assign(n + 1, 0u);
    for (const Point& q : points) ++start[bucket(q.share) + 1];
    for (std::size_t b = 0; b < n; ++b) start[b + 1] += start[b];
    scratch.resize(n);
    {
        thread_local std::vector<std::uint32_t> next;
        next.assign(start.begin(), start.end() - 1);
        for (const Point& q : points) scratch[next[bucket(q.share)]++] = q;
    }
    for (std::size_t b = 0; b < n; ++b) {
        const auto first = scratch.begin() + start[b], last = scratch.begin() + start[b + 1];
        if (last - first > 32) {
            std::sort(first, last, [](const Point& a, const Point& c) { return a.share < c.share; });
            continue;
        }
        for (auto i = first + 1; i < last; ++i) {
            const Point v = *i;
            auto j = i;
            for (; j > first && (j - 1)->share > v.share; --j) *j = *(j - 1);
            *j = v;
        }
    }
    points.swap(scratch);
}

}  // namespace

LatticePmf binomial_pmf(std::int64_t n, double probability) {
    const TableView t = binomial_table(n, probability);
    LatticePmf out{t.lo, std::vector<double>(t.p, t.p + t.size)};
    for (double& v : out.p) v *= t.scale;
    return out;
}

LatticePmf poisson_pmf(double mean) {
    if (!(mean > 0.0)) return LatticePmf{0, {1.0}};
    const auto mode = static_cast<std::int64_t>(std::floor(mean));
    return tabulate(0, std::numeric_limits<std::int64_t>::max() / 2, mode,
                    [&](std::int64_t k) { return mean / static_cast<double>(k + 1); });
}

LatticePmf hypergeometric_pmf(std::int64_t N, std::int64_t K, std::int64_t n) {
    LatticePmf out;
    out.lo = hypergeometric_into(out.p, N, K, n);
    return out;
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
        thread_local std::vector<double> h;
        const std::int64_t lo = hypergeometric_into(h, N, K, n);
        // |x/X − (n − x)/Y| = |x (1/X + 1/Y) − n/Y|: no division per term.
        const double slope = 1.0 / X + 1.0 / Y, offset = static_cast<double>(n) / Y;
        double e = 0.0;
        for (std::size_t j = 0; j < h.size(); ++j)
            e += h[j] * std::abs(static_cast<double>(lo + static_cast<std::int64_t>(j)) * slope - offset);
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
    thread_local std::vector<Point> points, scratch;
    points.clear();
    double T = 0.0, self = 0.0;
    for (const auto& [n, count] : sizes) {
        const TableView b = binomial_table(n, P);
        const double unit_weight = static_cast<double>(count) * static_cast<double>(n),
                     point_weight = unit_weight * b.scale;
        for (std::size_t j = 0; j < b.size; ++j)
            points.push_back({static_cast<double>(b.lo + static_cast<std::int64_t>(j)) / static_cast<double>(n),
                              point_weight * b.p[j]});
        T += unit_weight;
        // i = j: t_i² E|p_i − p_i'| = n E|k − k'|, included by the all-pairs sum below but 0
        // in every real table.
        self += unit_weight * mean_difference(b);
    }
    if (!(T > 0.0)) return nan;
    sort_by_share(points, scratch);
    // half = Σ_q w_q (s_q W_<q − S_<q) in share order: the two halves of the points as two
    // interleaved runs (the second from the first half's totals), so each running sum's addition
    // latency is paid once per two points. Double sums: every term is non-negative
    // (s_q W_<q − S_<q = Σ_{p<q} w_p (s_q − s_p)); x87 long doubles were a third of the index's time.
    const std::size_t m = points.size(), h = m / 2;
    double lane_w[4] = {0.0, 0.0, 0.0, 0.0}, lane_s[4] = {0.0, 0.0, 0.0, 0.0};
    std::size_t i = 0;
    for (; i + 4 <= h; i += 4)
        for (std::size_t l = 0; l < 4; ++l) {
            lane_w[l] += points[i + l].weight;
            lane_s[l] += points[i + l].weight * points[i + l].share;
        }
    for (; i < h; ++i) {
        lane_w[0] += points[i].weight;
        lane_s[0] += points[i].weight * points[i].share;
    }
    double W0 = 0.0, S0 = 0.0, half0 = 0.0;
    double W1 = (lane_w[0] + lane_w[1]) + (lane_w[2] + lane_w[3]), S1 = (lane_s[0] + lane_s[1]) + (lane_s[2] + lane_s[3]),
           half1 = 0.0;
    auto add = [](const Point& q, double& W, double& S, double& half) {
        half += q.weight * (q.share * W - S);
        W += q.weight;
        S += q.weight * q.share;
    };
    for (i = 0; i < h; ++i) {
        add(points[i], W0, S0, half0);
        add(points[h + i], W1, S1, half1);
    }
    if (m % 2) add(points[m - 1], W1, S1, half1);
    const double numerator = 2.0 * (half0 + half1) - self;
    return numerator / (2.0 * T * T * P * (1.0 - P));
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
    thread_local ScaledCountArena ax, by;
    thread_local std::vector<std::uint32_t> unit_x, unit_y;
    auto tables_for = [](ScaledCountArena& tables, std::vector<std::uint32_t>& of_unit, std::span<const double> v,
                         std::int64_t n, long double total) {
        tables.clear();
        of_unit.resize(v.size());
        double largest = 0.0;
        bool whole = true;
        for (double e : v) {
            largest = std::max(largest, e);
            whole = whole && e >= 0.0 && e == std::floor(e);
        }
        auto table_of = [&](double value) { return tables.add_binomial(n, static_cast<double>(value / total)); };
        if (whole && largest <= static_cast<double>(std::int64_t{1} << 22)) {
            thread_local std::vector<std::uint32_t> slot;
            slot.assign(static_cast<std::size_t>(largest) + 1, UINT32_MAX);
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
    };
    tables_for(ax, unit_x, x, X, sx);
    tables_for(by, unit_y, y, Y, sy);
    const double Xd = static_cast<double>(X), Yd = static_cast<double>(Y);
    // A unit's term depends only on its pair of tables: computed once per distinct pair when its
    // sum is longer than a memo look-up (pair_memo.hpp; the same doubles, so the same sum).
    thread_local PairMemo memo;
    memo.begin();
    long double sum = 0.0L;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const ScaledCount A = ax[unit_x[i]];
        const ScaledCount B = by[unit_y[i]];
        // |U − V| = (U − V) + 2 (V − U)+ with U = A/X, V = B/Y; sum over the shorter support,
        // finding where the other variable passes each point by integer arithmetic.
        auto term = [&] {
            if (A.size <= B.size) return A.mean / Xd - B.mean / Yd + 2.0 * expected_excess(A, X, B, Y);
            return B.mean / Yd - A.mean / Xd + 2.0 * expected_excess(B, Y, A, X);
        };
        sum += std::min(A.size, B.size) > 4 ? memo.get(unit_x[i], unit_y[i], term) : term();
    }
    return static_cast<double>(0.5L * sum);
}

}  // namespace cohesion::exact_null
