#pragma once
// Conditional-permutation p-values of local Moran's I and Getis-Ord G* from one set of draws.
//
// Both tests hold area i's own value fixed and give its k_i neighbours the values of k_i other
// areas drawn at random (Anselin 1995); the draws do not depend on the statistic. A hot-spot
// search tests both statistics on the same variable, so each permutation's draw serves both:
// drawing was most of either test's time. The draws are local_moran's ((seed, area) engines),
// so the LISA p-values equal local_moran(y, w, permutations, seed)'s; G*'s are its test on the
// same permutations (getis_ord_star on its own draws from its own engines).
// Source: Anselin, L. (1995). Local indicators of spatial association — LISA. Geographical
// Analysis 27(2), 93–115; Getis, A. & Ord, J. K. (1992). The analysis of spatial association by
// use of distance statistics. Geographical Analysis 24(3), 189–206.
#include <cstdint>
#include <functional>
#include <span>
#include <stop_token>
#include <vector>

#include "autocorrelation/getis_ord.hpp"
#include "autocorrelation/local_moran.hpp"
#include "weights/weights.hpp"

namespace cohesion {

struct LocalPermutationP {
    std::vector<double> local_moran, getis_ord;  // folded one-sided pseudo p per area
};

// `lisa` and `g` hold the observed statistics of `y` (from local_moran and getis_ord_star, with
// or without permutations); `w` is the LISA's weights (their neighbours are G*'s too).
// area_tested is called twice per area (once per statistic), from worker threads.
LocalPermutationP local_permutation_p(std::span<const double> y, const LocalMoran& lisa, const GetisOrd& g,
                                      const Weights& w, int permutations, std::uint64_t seed,
                                      const std::stop_token& stop = {}, const std::function<void()>& area_tested = {});

}  // namespace cohesion
