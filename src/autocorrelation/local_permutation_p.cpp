#include "autocorrelation/local_permutation_p.hpp"

#include <tbb/parallel_for.h>

#include "autocorrelation/centred_variable.hpp"
#include "autocorrelation/conditional_permutation.hpp"
#include "core/cancellation.hpp"
#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

LocalPermutationP local_permutation_p(std::span<const double> y, const LocalMoran& lisa, const GetisOrd& g,
                                      const Weights& w, int permutations, std::uint64_t seed,
                                      const std::stop_token& stop, const std::function<void()>& area_tested) {
    const std::size_t n = y.size();
    if (n != w.n || lisa.I.size() != n || g.G.size() != n)
        throw Error("local permutation test: " + std::to_string(n) + " values for " + std::to_string(w.n) +
                    " weights rows");
    if (permutations < 1) throw Error(Field{"permutations"}, "expected at least 1 permutation");
    // The same centring and total as the statistics themselves, so a permuted value equal to
    // the observed one compares as local_moran and getis_ord_star compare it.
    const CentredVariable centred = centre(y, "local Moran");
    const std::vector<double>& z = centred.z;
    const double m2 = centred.m2;
    double total = 0.0;
    for (double v : y) total += v;
    LocalPermutationP p;
    p.local_moran.assign(n, 1.0);
    p.getis_ord.assign(n, 1.0);
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
        throw_if_stopped(stop);  // between areas: each is `permutations` draws
        const auto nb = w.neighbours_of(i);
        const auto wv = w.weights_of(i);
        auto engine = replicate_engine(seed, i);
        std::vector<std::size_t> drawn;
        std::size_t moran_larger = 0, g_larger = 0;
        for (int r = 0; r < permutations; ++r) {
            draw_other_areas(n, i, nb.size(), engine, drawn);
            double lag = 0.0, sum = y[i];
            for (std::size_t k = 0; k < drawn.size(); ++k) {
                lag += wv[k] * z[drawn[k]];
                sum += y[drawn[k]];
            }
            moran_larger += z[i] / m2 * lag >= lisa.I[i];
            g_larger += sum / total >= g.G[i];
        }
        if (!nb.empty()) p.local_moran[i] = folded_pseudo_p(moran_larger, permutations);  // islands: no LISA to test
        p.getis_ord[i] = folded_pseudo_p(g_larger, permutations);
        if (area_tested) {
            area_tested();
            area_tested();
        }
    });
    return p;
}

}  // namespace cohesion
