#include "autocorrelation/weights_moments.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace cohesion {

WeightsMoments weights_moments(const Weights& w) {
    WeightsMoments m;
    std::vector<double> row(w.n, 0.0), col(w.n, 0.0);
    // S1 needs w_ji for every w_ij: look the transpose up by sorted neighbour lists.
    for (std::size_t i = 0; i < w.n; ++i) {
        const auto nb = w.neighbours_of(i);
        const auto wv = w.weights_of(i);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            m.S0 += wv[k];
            row[i] += wv[k];
            col[nb[k]] += wv[k];
        }
    }
    auto weight_of = [&](std::size_t i, std::size_t j) {
        const auto nb = w.neighbours_of(i);
        for (std::size_t k = 0; k < nb.size(); ++k)
            if (nb[k] == j) return w.weights_of(i)[k];
        return 0.0;
    };
    for (std::size_t i = 0; i < w.n; ++i) {
        const auto nb = w.neighbours_of(i);
        const auto wv = w.weights_of(i);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const double s = wv[k] + weight_of(nb[k], i);
            // Pairs where w_ji = 0 appear once; symmetric pairs twice (hence the ½ overall).
            m.S1 += s * s;
        }
        // A pair (i, j) with w_ij > 0 but w_ji = 0 is visited only from i: add the
        // missing (j, i) term, which has the same square.
        for (std::size_t k = 0; k < nb.size(); ++k)
            if (weight_of(nb[k], i) == 0.0) m.S1 += (wv[k]) * (wv[k]);
    }
    m.S1 *= 0.5;
    for (std::size_t i = 0; i < w.n; ++i) m.S2 += (row[i] + col[i]) * (row[i] + col[i]);
    return m;
}

}  // namespace cohesion
