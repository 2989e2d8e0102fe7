#pragma once
// Hot spots already found, shared by the analyses of one study. A study asks the same
// question several times — the hot spots of a group, then its enclaves (the same G* test),
// then the report's map of the top-ranked group — and each answer costs thousands of
// permutations per area. With a memo in HotSpotOptions, find_hot_spots answers a repeated
// question (the same values, weights object, permutations, seed, alpha and FDR choice) from
// the first answer, which is the same one it would compute again.
//
// Callers asking at once (analyses running side by side) share one computation: the first
// computes, the others join its parallel work (tbb::collaborative_call_once) instead of
// waiting idle. If the computation fails (cancelled, say), the next caller computes afresh.
// A memo must not outlive the weights it has seen (it keys them by address): the Study
// that owns it owns them too.
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <span>
#include <vector>

#include <tbb/collaborative_call_once.h>

#include "autocorrelation/hot_spots.hpp"

namespace cohesion {

class HotSpotMemo {
public:
    // The answer for (values, weights, options), from `compute` the first time.
    HotSpots find(std::span<const double> values, const Weights& weights, const HotSpotOptions& options,
                  const std::function<HotSpots()>& compute);
    std::size_t computed() const { return computed_; }  // distinct answers made (tests)

private:
    struct Entry {
        std::vector<double> values;
        const Weights* weights;
        int permutations;
        std::uint64_t seed;
        double alpha;
        bool false_discovery_rate;
        tbb::collaborative_once_flag once;
        HotSpots result;
    };
    std::mutex lock_;
    std::list<Entry> entries_;  // a list: entries stay put while others are added
    std::size_t computed_ = 0;
};

}  // namespace cohesion
