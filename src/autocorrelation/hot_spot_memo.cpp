#include "autocorrelation/hot_spot_memo.hpp"

#include <algorithm>

namespace cohesion {

HotSpots HotSpotMemo::find(std::span<const double> values, const Weights& weights, const HotSpotOptions& options,
                           const std::function<HotSpots()>& compute) {
    Entry* entry = nullptr;
    {
        const std::lock_guard<std::mutex> hold(lock_);
        for (auto& e : entries_)
            if (e.weights == &weights && e.permutations == options.permutations && e.seed == options.seed &&
                e.alpha == options.alpha && e.false_discovery_rate == options.false_discovery_rate &&
                std::equal(e.values.begin(), e.values.end(), values.begin(), values.end()))
                entry = &e;
        if (!entry) {
            entry = &entries_.emplace_back();
            entry->values.assign(values.begin(), values.end());
            entry->weights = &weights;
            entry->permutations = options.permutations;
            entry->seed = options.seed;
            entry->alpha = options.alpha;
            entry->false_discovery_rate = options.false_discovery_rate;
        }
    }
    tbb::collaborative_call_once(entry->once, [&] {
        entry->result = compute();
        // The stored answer keeps no caller's callbacks or stop token, nor the memo itself
        // (a memo holding a pointer to itself would never be freed).
        entry->result.options.progress = nullptr;
        entry->result.options.stop = {};
        entry->result.options.memo = nullptr;
        const std::lock_guard<std::mutex> hold(lock_);
        ++computed_;
    });
    HotSpots answer = entry->result;
    answer.options = options;
    return answer;
}

}  // namespace cohesion
