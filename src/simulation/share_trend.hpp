#pragma once
// Share trend: each area's group shares continue their 2011 → 2021 log-linear change, with
// the area's rate shrunk towards the town's rate for the group by empirical Bayes.
//
//   r_ig = [ln((x_ig' + ½)/(t_i' + K/2)) − ln((x_ig + ½)/(t_i + K/2))] / Δy     (area rate, per year)
//   v_ig = [1/(x_ig + ½) + 1/(x_ig' + ½)] / Δy²                                  (its Poisson variance, delta method)
//   R_g  = ln(S_g' / S_g) / Δy                                                    (town rate)
//   τ²_g = max(0, var_i(r_ig) − mean_i(v_ig))                                     (between-area variance, moments)
//   r̃_ig = R_g + w_ig (r_ig − R_g),   w_ig = τ²_g / (τ²_g + v_ig)
// (James & Stein 1961; Morris 1983, "Parametric empirical Bayes inference"). A small area or a
// small group has a large v_ig, so its rate is pulled almost entirely to the town's; a large
// area keeps most of its own. Projected shares s_ig(y) ∝ s_ig' exp(r̃_ig (y − y')) are
// renormalised per area, so they are positive and sum to 1 (no negative counts).
#include <random>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct ShareTrend {
    std::size_t areas = 0, groups = 0;
    std::vector<double> raw_rate, weight, rate;  // [g * areas + i], per year
    std::vector<double> town_rate, between_variance;  // per group
    std::vector<double> raw_variance;  // v_ig, [g * areas + i]
};

ShareTrend share_trend(const Table& earlier, const Table& later, double years);

// The shrinkage uncertainty a parametric bootstrap of the trend misses: re-estimating r̃ on
// redrawn counts spreads it by about w²·v, while its empirical-Bayes posterior variance is
// w·v = w²·v + w(1 − w)·v (Morris 1983). Adds N(0, w(1 − w) v) to every area's shrunk rate of a
// trend estimated on redrawn counts, so the draws have the posterior's spread: nothing where
// the area keeps its own rate (w = 1) or takes the town's (w = 0), most in between.
void add_shrinkage_noise(ShareTrend& trend, std::mt19937_64& rng);

// Shares [g * areas + i] `years_ahead` years after the later census.
std::vector<double> trend_shares(const ShareTrend& trend, const Table& later, double years_ahead);

}  // namespace cohesion
