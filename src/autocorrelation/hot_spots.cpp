#include "autocorrelation/hot_spots.hpp"

#include "autocorrelation/hot_spot_memo.hpp"
#include "autocorrelation/local_permutation_p.hpp"
#include "core/error.hpp"
#include "core/progress_count.hpp"
#include "inference/false_discovery_rate.hpp"

namespace cohesion {

namespace {

HotSpots compute_hot_spots(std::span<const double> values, const Weights& w, const HotSpotOptions& options) {
    HotSpots h;
    h.options = options;
    // Progress in areas tested: the permutations of one area are the unit of work.
    ProgressCount tested(options.progress, 2 * values.size());
    std::function<void()> area_tested;
    if (options.progress) area_tested = [&tested] { tested.tick(); };
    const Weights row = row_standardised(w);
    h.lisa = local_moran(values, row, 0, options.seed, options.stop);
    h.getis_ord = getis_ord_star(values, w, 0, options.seed, options.stop);
    // One set of permutations tests both statistics (the draws were most of the time).
    LocalPermutationP p = local_permutation_p(values, h.lisa, h.getis_ord, row, options.permutations, options.seed,
                                              options.stop, area_tested);
    h.lisa.p_permutation = std::move(p.local_moran);
    h.getis_ord.p_permutation = std::move(p.getis_ord);
    h.lisa.permutations = h.getis_ord.permutations = options.permutations;
    h.lisa_q = benjamini_hochberg(h.lisa.p_permutation);
    h.getis_ord_q = benjamini_hochberg(h.getis_ord.p_permutation);
    const auto& lisa_p = options.false_discovery_rate ? h.lisa_q : h.lisa.p_permutation;
    const auto& gi_p = options.false_discovery_rate ? h.getis_ord_q : h.getis_ord.p_permutation;
    static const char* quadrant_label[] = {"ns", "HH", "LH", "LL", "HL"};
    for (std::size_t i = 0; i < values.size(); ++i) {
        const bool lisa_significant = h.lisa.quadrant[i] != 0 && lisa_p[i] <= options.alpha;
        h.cluster.emplace_back(lisa_significant ? quadrant_label[h.lisa.quadrant[i]] : "ns");
        const bool gi_significant = w.cardinality(i) > 0 && gi_p[i] <= options.alpha;
        h.hot_spot.emplace_back(!gi_significant ? "ns" : (h.getis_ord.z[i] > 0 ? "hot" : "cold"));
    }
    return h;
}

}  // namespace

HotSpots find_hot_spots(std::span<const double> values, const Weights& w, const HotSpotOptions& options) {
    if (options.permutations < 1) throw Error(Field{"permutations"}, "expected at least 1 permutation");
    if (!(options.alpha > 0.0 && options.alpha < 1.0)) throw Error(Field{"alpha"}, "expected 0 < alpha < 1");
    if (options.memo) return options.memo->find(values, w, options, [&] { return compute_hot_spots(values, w, options); });
    return compute_hot_spots(values, w, options);
}

}  // namespace cohesion
