#pragma once
// Exact expectations of two-group indices under random allocation, without simulation.
//
// Why: pysal's simulated indices (modified D and Gini, bias-corrected D) average an index over
// hundreds of random tables. For D the expectation is a sum over units of a one-unit
// expectation, E|x_i/X − y_i/Y|, and every unit's count distribution is known in closed form,
// so the mean over *infinitely* many tables costs one pass over the units' count
// distributions: no simulation noise, O(people) work at most. Units of the same size share a
// distribution, so the work is usually far smaller than that.
//
//  * dissimilarity_null_mean: E[D] when the observed people are allocated to the observed units
//    at random with both margins fixed (unit sizes n_i, K focal people among N): unit i's focal
//    count is Hypergeometric(N, K, n_i). Exact. This is the null of `randomisation_test`; the
//    independent-binomial null that pysal simulates (x_i ~ Bin(n_i, K/N)) is this one mixed over
//    the random total Σx_i ~ Bin(N, K/N), and the two means differ by O(1/K) (checked in tests).
//    Carrington, W. J. & Troske, K. R. (1997). On measuring segregation in samples with small
//    units. Journal of Business & Economic Statistics 15(4), 402–409.
//
//  * gini_null_mean: E[G] with independent x_i ~ Bin(n_i, P) and the normaliser T²P(1−P) at the
//    observed P. Exact for that model: the numerator Σ_i Σ_j n_i n_j E|p_i − p_j| is a Gini mean
//    difference of the mixture of all units' share distributions, less the i = j terms (which
//    are 0 in every table, not E|p_i − p_i'|). pysal re-estimates P in each simulated table;
//    the difference is O(1/(N P (1−P))), far below simulation noise (tests).
//
//  * bootstrap_dissimilarity_mean: E[D(x*, y*)] for x* ~ Multinomial(X, x/X) and
//    y* ~ Multinomial(Y, y/Y) — the B → ∞ limit of Allen et al.'s bootstrap bias correction.
//    Exact: multinomial totals are fixed, so D's normalisers are constants and
//    x*_i ~ Bin(X, x_i/X), y*_i ~ Bin(Y, y_i/Y) are independent.
//    Allen, R., Burgess, S., Davidson, R. & Windmeijer, F. (2015). More reliable inference for
//    the dissimilarity index of segregation. The Econometrics Journal 18(1), 40–66.
//
// Distributions are tabulated by the pmf's ratio recurrence (hypergeometric and Poisson from
// the mode outwards; binomial upwards from a bound below its support, without divisions) and
// cut where a term falls below 1e-18 of the mode (the cut mass is below double precision),
// then normalised; no lgamma of huge arguments, whose rounding would cost ~1e-7 relative.
#include <cstdint>
#include <span>
#include <vector>

namespace cohesion::exact_null {

// A distribution on the integers lo, lo+1, …, lo+p.size()−1.
struct LatticePmf {
    std::int64_t lo = 0;
    std::vector<double> p;
    std::int64_t hi() const { return lo + static_cast<std::int64_t>(p.size()) - 1; }
};

LatticePmf binomial_pmf(std::int64_t n, double probability);
LatticePmf poisson_pmf(double mean);
// Focal count among n drawn without replacement from N people of whom K are focal.
LatticePmf hypergeometric_pmf(std::int64_t N, std::int64_t K, std::int64_t n);

// Unit sizes are rounded to whole people (units of nobody are skipped); P is the focal share.
// NaN when the focal group is empty or everybody.
double dissimilarity_null_mean(std::span<const double> t, double P);
double gini_null_mean(std::span<const double> t, double P);
// x, y: the two groups' counts per unit (may be fractional; the totals are rounded).
double bootstrap_dissimilarity_mean(std::span<const double> x, std::span<const double> y);

}  // namespace cohesion::exact_null
