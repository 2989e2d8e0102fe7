// The exact null expectations (exact_null.hpp) against brute-force enumeration of every
// possible table on toy cases (equal to rounding), and against an independent simulation
// written here (within simulation error).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numeric>
#include <random>
#include <vector>

#include "sampling/exact_null.hpp"

namespace cohesion::test {
namespace {

double choose(int n, int k) {
    if (k < 0 || k > n) return 0.0;
    double c = 1.0;
    for (int j = 1; j <= k; ++j) c = c * (n - k + j) / j;
    return c;
}

double binomial(int n, int k, double p) { return choose(n, k) * std::pow(p, k) * std::pow(1.0 - p, n - k); }

double pmf_at(const exact_null::LatticePmf& d, std::int64_t k) {
    return k < d.lo || k > d.hi() ? 0.0 : d.p[static_cast<std::size_t>(k - d.lo)];
}

TEST(ExactNull, PmfsMatchTheirFormulas) {
    for (int n : {1, 7, 40}) {
        const auto b = exact_null::binomial_pmf(n, 0.3);
        for (int k = 0; k <= n; ++k) EXPECT_NEAR(pmf_at(b, k), binomial(n, k, 0.3), 1e-15) << n << " " << k;
    }
    // 5 drawn from 20 people, 8 of them focal.
    const auto h = exact_null::hypergeometric_pmf(20, 8, 5);
    for (int k = 0; k <= 5; ++k) EXPECT_NEAR(pmf_at(h, k), choose(8, k) * choose(12, 5 - k) / choose(20, 5), 1e-15);
    const auto q = exact_null::poisson_pmf(3.5);
    EXPECT_NEAR(pmf_at(q, 4), std::exp(-3.5) * std::pow(3.5, 4) / 24.0, 1e-15);
    // Huge n, tiny p (a national group total): mean and variance to double precision.
    const auto big = exact_null::binomial_pmf(55'000'000, 300.0 / 55'000'000);
    double mean = 0.0, second = 0.0;
    for (std::size_t j = 0; j < big.p.size(); ++j) {
        const double k = static_cast<double>(big.lo + static_cast<std::int64_t>(j));
        mean += big.p[j] * k;
        second += big.p[j] * k * k;
    }
    EXPECT_NEAR(mean, 300.0, 1e-9);
    EXPECT_NEAR(second - mean * mean, 300.0 * (1 - 300.0 / 55'000'000), 1e-7);
}

// log pmf of Binomial(n, p) at k, in long double (independent of the tabulation's recurrence).
long double log_binomial(std::int64_t n, std::int64_t k, long double p) {
    return std::lgamma(static_cast<long double>(n) + 1) - std::lgamma(static_cast<long double>(k) + 1) -
           std::lgamma(static_cast<long double>(n - k) + 1) + static_cast<long double>(k) * std::log(p) +
           static_cast<long double>(n - k) * std::log1p(-p);
}

TEST(ExactNull, BinomialTablesKeepEveryValueWithinTheCutOfTheMode) {
    // The tables start below their support (a Chernoff/Bernstein bound) and trim at 1e-18 of
    // the mode: the support must be every value at or above that, whatever n and p (tiny
    // probabilities in a national total, probabilities near 1), and the terms sum to 1.
    // p = 1 − 2⁻⁵² with n ≥ 40: the values would rise past 1e308 from the start, so the table
    // is made from the mode outwards instead (the same support; the test fails if it is not).
    for (std::int64_t n : {1LL, 2LL, 7LL, 40LL, 1000LL, 123456LL, 1'000'000LL, 55'000'000LL})
        for (double p : {1e-7, 1e-3, 0.02, 0.3, 0.5, 0.97, 0.999999, 1.0 - 0x1p-52}) {
            const auto b = exact_null::binomial_pmf(n, p);
            std::int64_t mode = b.lo;
            for (std::size_t j = 0; j < b.p.size(); ++j)
                if (b.p[j] > b.p[static_cast<std::size_t>(mode - b.lo)]) mode = b.lo + static_cast<std::int64_t>(j);
            const long double log_mode = log_binomial(n, mode, p), log_cut = std::log(1e-18L);
            auto relative = [&](std::int64_t k) { return log_binomial(n, k, p) - log_mode; };  // log(pmf(k)/pmf(mode))
            const std::string at = std::to_string(n) + " " + std::to_string(p);
            // Inside: at or above the cut (a margin for lgamma's rounding at large n).
            EXPECT_GE(relative(b.lo), log_cut - 1e-6L) << at;
            EXPECT_GE(relative(b.hi()), log_cut - 1e-6L) << at;
            // Just outside: below the cut, unless the support ends there.
            if (b.lo > 0) EXPECT_LT(relative(b.lo - 1), log_cut + 1e-6L) << at;
            if (b.hi() < n) EXPECT_LT(relative(b.hi() + 1), log_cut + 1e-6L) << at;
            long double total = 0.0L;
            for (double q : b.p) total += q;
            // Double sums: relative error up to ~1e-16 per term (62,000 terms at n = 55 million).
            EXPECT_NEAR(static_cast<double>(total), 1.0, 1e-15 + 1e-16 * static_cast<double>(b.p.size())) << at;
        }
}

double dissimilarity(const std::vector<double>& x, const std::vector<double>& y) {
    const double X = std::accumulate(x.begin(), x.end(), 0.0), Y = std::accumulate(y.begin(), y.end(), 0.0);
    double s = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) s += std::abs(x[i] / X - y[i] / Y);
    return 0.5 * s;
}

TEST(ExactNull, DissimilarityMeanEqualsEnumerationOfEveryAllocation) {
    // Units of 2, 3, 1 and 4 people, 4 of the 10 in the focal group: every choice of which 4
    // people are focal is equally likely (both margins fixed); average D over all C(10, 4).
    const std::vector<int> n{2, 3, 1, 4};
    const int N = 10, K = 4;
    std::vector<int> unit_of;
    for (std::size_t i = 0; i < n.size(); ++i) unit_of.insert(unit_of.end(), n[i], static_cast<int>(i));
    double sum = 0.0;
    int count = 0;
    for (int mask = 0; mask < (1 << N); ++mask) {
        if (__builtin_popcount(mask) != K) continue;
        std::vector<double> x(n.size(), 0.0), y(n.size(), 0.0);
        for (int p = 0; p < N; ++p) ((mask >> p) & 1 ? x : y)[unit_of[p]] += 1.0;
        sum += dissimilarity(x, y);
        ++count;
    }
    const std::vector<double> t{2, 3, 1, 4};
    EXPECT_NEAR(exact_null::dissimilarity_null_mean(t, 0.4), sum / count, 1e-14);
}

TEST(ExactNull, GiniMeanEqualsEnumerationOfIndependentBinomialCells) {
    // x_i ~ Bin(n_i, P) independently; G's normaliser at the stated P. Enumerate every table.
    const std::vector<int> n{2, 3, 1, 4};
    const double P = 0.3, T = 10.0;
    double expected = 0.0;
    std::vector<int> x(n.size(), 0);
    std::function<void(std::size_t, double)> visit = [&](std::size_t i, double probability) {
        if (i == n.size()) {
            double pairs = 0.0;
            for (std::size_t a = 0; a < n.size(); ++a)
                for (std::size_t b = 0; b < n.size(); ++b)
                    pairs += n[a] * n[b] * std::abs(double(x[a]) / n[a] - double(x[b]) / n[b]);
            expected += probability * pairs / (2.0 * T * T * P * (1.0 - P));
            return;
        }
        for (x[i] = 0; x[i] <= n[i]; ++x[i]) visit(i + 1, probability * binomial(n[i], x[i], P));
    };
    visit(0, 1.0);
    const std::vector<double> t{2, 3, 1, 4};
    EXPECT_NEAR(exact_null::gini_null_mean(t, P), expected, 1e-14);
}

TEST(ExactNull, BootstrapDissimilarityMeanEqualsEnumerationOfBothMultinomials) {
    // x* ~ Mult(3, x/3), y* ~ Mult(4, y/4) over 3 units, independent: enumerate both.
    const std::vector<double> x{1, 2, 0}, y{2, 1, 1};
    auto multinomials = [](const std::vector<double>& w, int total) {
        std::vector<std::pair<std::vector<double>, double>> out;
        const double W = std::accumulate(w.begin(), w.end(), 0.0);
        for (int a = 0; a <= total; ++a)
            for (int b = 0; a + b <= total; ++b) {
                const int c = total - a - b;
                const double pr = choose(total, a) * choose(total - a, b) * std::pow(w[0] / W, a) *
                                  std::pow(w[1] / W, b) * std::pow(w[2] / W, c);
                out.push_back({{double(a), double(b), double(c)}, pr});
            }
        return out;
    };
    double expected = 0.0;
    for (const auto& [xs, px] : multinomials(x, 3))
        for (const auto& [ys, py] : multinomials(y, 4)) expected += px * py * dissimilarity(xs, ys);
    EXPECT_NEAR(exact_null::bootstrap_dissimilarity_mean(x, y), expected, 1e-14);
}

TEST(ExactNull, AgreesWithAnIndependentSimulation) {
    // 60 units of 20–200 people, 8 % focal. Simulate each null here with std:: distributions and
    // require agreement within 4 standard errors (plus 1e-4 for the binomial-vs-fixed-margin
    // difference of D's null, which is O(1/K)).
    std::mt19937_64 rng(5);
    std::vector<double> t, x, y;
    for (int i = 0; i < 60; ++i) {
        const double n = 20 + static_cast<double>(rng() % 181);
        const double focal = std::floor(n * (i % 3 == 0 ? 0.2 : 0.02));
        t.push_back(n);
        x.push_back(focal);
        y.push_back(n - focal);
    }
    const double X = std::accumulate(x.begin(), x.end(), 0.0), T = std::accumulate(t.begin(), t.end(), 0.0);
    const double P = X / T;
    const int S = 20000;
    std::vector<double> d(S), g(S), b(S);
    for (int s = 0; s < S; ++s) {
        std::vector<double> xs(t.size()), ys(t.size());
        double pairs = 0.0;
        for (std::size_t i = 0; i < t.size(); ++i) {
            xs[i] = static_cast<double>(std::binomial_distribution<int>(static_cast<int>(t[i]), P)(rng));
            ys[i] = t[i] - xs[i];
        }
        d[s] = dissimilarity(xs, ys);
        for (std::size_t i = 0; i < t.size(); ++i)
            for (std::size_t j = 0; j < t.size(); ++j) pairs += t[i] * t[j] * std::abs(xs[i] / t[i] - xs[j] / t[j]);
        g[s] = pairs / (2.0 * T * T * P * (1.0 - P));
        std::discrete_distribution<int> px(x.begin(), x.end()), py(y.begin(), y.end());
        std::vector<double> xb(t.size(), 0.0), yb(t.size(), 0.0);
        for (int k = 0; k < static_cast<int>(X); ++k) ++xb[px(rng)];
        for (int k = 0; k < static_cast<int>(T - X); ++k) ++yb[py(rng)];
        b[s] = dissimilarity(xb, yb);
    }
    auto check = [&](const std::vector<double>& v, double exact, double allowance, const char* what) {
        const double mean = std::accumulate(v.begin(), v.end(), 0.0) / S;
        double ss = 0.0;
        for (double e : v) ss += (e - mean) * (e - mean);
        const double se = std::sqrt(ss / (S - 1) / S);
        EXPECT_NEAR(exact, mean, 4.0 * se + allowance) << what << " se " << se;
    };
    check(d, exact_null::dissimilarity_null_mean(t, P), 1e-4, "D*");
    check(g, exact_null::gini_null_mean(t, P), 0.0, "G*");
    check(b, exact_null::bootstrap_dissimilarity_mean(x, y), 0.0, "bootstrap D");
}

TEST(ExactNull, EmptyOrFullFocalGroupHasNoExpectation) {
    const std::vector<double> t{3, 4};
    EXPECT_TRUE(std::isnan(exact_null::dissimilarity_null_mean(t, 0.0)));
    EXPECT_TRUE(std::isnan(exact_null::gini_null_mean(t, 1.0)));
    EXPECT_TRUE(std::isnan(exact_null::bootstrap_dissimilarity_mean(std::vector<double>{0, 0}, t)));
}

}  // namespace
}  // namespace cohesion::test
