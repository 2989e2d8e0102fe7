#pragma once
// Getis–Ord local G_i* (hot spots): the share of the variable's total found in the
// area and its neighbours, against its expectation.
//
//   G_i* = Σ_j w_ij y_j / Σ_j y_j      (j over all areas, w_ii = 1: the area itself counts)
//   E[G_i*] = W_i / n,  W_i = Σ_j w_ij
//   Var[G_i*] = W_i (n − W_i) / (n² (n − 1)) · s² / ȳ²,   s² = Σ y² / n − ȳ²
//   z = (G_i* − E) / √Var
// Binary weights plus self (pysal esda G_Local(star=True, transform='B')).
// Source: Ord, J. K. & Getis, A. (1995). Local spatial autocorrelation statistics:
// distributional issues and an application. Geographical Analysis 27(4), 286–306.
#include <cstdint>
#include <span>
#include <functional>
#include <stop_token>
#include <vector>

#include "weights/weights.hpp"

namespace cohesion {

struct GetisOrd {
    std::vector<double> G, expected, variance, z;
    std::vector<double> p_permutation;  // conditional permutation, folded one-sided; empty if none
    int permutations = 0;
};

GetisOrd getis_ord_star(std::span<const double> y, const Weights& w, int permutations = 999,
                        std::uint64_t seed = 20170601, const std::stop_token& stop = {},
                        const std::function<void()>& area_tested = {});

}  // namespace cohesion
