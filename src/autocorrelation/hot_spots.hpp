#pragma once
// Hot-spot analysis of one per-area variable: local Moran (LISA) clusters and
// Getis–Ord G* hot/cold spots, each with seeded conditional-permutation p-values
// and Benjamini–Hochberg false-discovery-rate control, labelled the way analysts
// read them: HH (high value among high neighbours), LL, HL, LH, or "ns".
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

#include "autocorrelation/getis_ord.hpp"
#include "autocorrelation/local_moran.hpp"
#include "weights/weights.hpp"

namespace cohesion {

class HotSpotMemo;

struct HotSpotOptions {
    int permutations = 999;
    std::uint64_t seed = 20170601;
    double alpha = 0.05;            // significance level for labels
    bool false_discovery_rate = true;  // label with BH-adjusted p (q) instead of raw p
    std::stop_token stop;           // cancels the permutations (throws Cancelled)
    // Areas tested so far of all (LISA, then G*): (done, total), one call per area, never two
    // at once (the permutations run on worker threads). Optional.
    std::function<void(std::size_t done, std::size_t total)> progress;
    // Answers shared by a study's analyses (autocorrelation/hot_spot_memo.hpp); null: none.
    std::shared_ptr<HotSpotMemo> memo;
};

struct HotSpots {
    LocalMoran lisa;            // with row-standardised weights
    GetisOrd getis_ord;         // binary weights plus self
    std::vector<double> lisa_q, getis_ord_q;  // BH-adjusted p-values
    std::vector<std::string> cluster;         // LISA label: HH, LL, HL, LH or ns
    std::vector<std::string> hot_spot;        // G*: hot, cold or ns
    HotSpotOptions options;
};

HotSpots find_hot_spots(std::span<const double> values, const Weights& binary_weights, const HotSpotOptions& options);

}  // namespace cohesion
