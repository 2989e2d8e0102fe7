#include "spatial/local_environment.hpp"

#include <tbb/parallel_for.h>

#include <cmath>

#include "core/error.hpp"

namespace cohesion {

CountMatrix local_environment(const CountMatrix& counts, const Weights& w, const LocalEnvironmentOptions& options) {
    if (w.n != counts.units)
        throw Error("local environment: weights have " + std::to_string(w.n) + " rows for " +
                    std::to_string(counts.units) + " units");
    std::vector<double> cells(counts.cells.size(), 0.0);
    tbb::parallel_for(std::size_t{0}, counts.groups, [&](std::size_t g) {
        const double* src = counts.cells.data() + g * counts.units;
        double* dst = cells.data() + g * counts.units;
        for (std::size_t i = 0; i < w.n; ++i) {
            const auto nb = w.neighbours_of(i);
            const auto wv = w.weights_of(i);
            double sum = 0.0;
            for (std::size_t k = 0; k < nb.size(); ++k) sum += wv[k] * src[nb[k]];
            dst[i] = options.round_to_integers ? std::nearbyint(sum) : sum;
        }
    });
    CountMatrix smoothed = make_count_matrix(std::move(cells), counts.units, counts.group_names,
                                             counts.description + ", local environments (" + w.description + ")");
    return smoothed;
}

}  // namespace cohesion
