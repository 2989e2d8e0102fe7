// Global distortion (spatial, multigroup).
//
//   For each area i, grow its neighbourhood one area at a time in order of distance
//   (k = 1 … n, the area itself first) and measure the Kullback–Leibler divergence of
//   the neighbourhood's composition from the town's: KL_ik = Σ_m q_ikm ln(q_ikm / π_m).
//   Distortion coefficient D_i = Σ_k KL_ik (the area under i's divergence profile);
//   global distortion G = Σ_i t_i D_i / T.
//
// How far, on average over residents, one has to travel before the surroundings look
// like the town: large when groups live in large homogeneous blocks, not only when
// neighbouring areas differ. Not normalised (pysal 2.5 cannot normalise either).
// Sources: Olteanu, M., Randon-Furling, J. & Clark, W. A. V. (2019). Segregation through the
// multiscalar lens. PNAS 116(25), 12250–12254; Roberto, E. (2016). The Divergence Index.
// arXiv:1508.01167.
// Matches pysal `segregation` GlobalDistortion (euclidean centroid distances).
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "indices/registry.hpp"
#include "indices/spatial/spatial_terms.hpp"

namespace cohesion {
namespace {

constexpr std::size_t kMaxUnits = 30000;

double global_distortion(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const UnitGeometry& g = geometry(in, "global_distortion");
    const std::size_t n = m.units, K = m.groups;
    if (n > kMaxUnits)
        throw Error("'global_distortion' follows every area outwards through all others; " + std::to_string(n) +
                    " areas is beyond the supported " + std::to_string(kMaxUnits) + " (aggregate first)");
    std::vector<double> pi(K);
    for (std::size_t k = 0; k < K; ++k) pi[k] = m.group_totals[k] / m.grand_total;
    std::vector<double> weighted(n);
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
        std::vector<std::pair<double, std::size_t>> by_distance(n);
        for (std::size_t j = 0; j < n; ++j) by_distance[j] = {std::hypot(g.x[i] - g.x[j], g.y[i] - g.y[j]), j};
        std::stable_sort(by_distance.begin(), by_distance.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<double> cumulative(K, 0.0);
        double people = 0.0, coefficient = 0.0;
        for (const auto& [d, j] : by_distance) {
            for (std::size_t k = 0; k < K; ++k) cumulative[k] += m.at(j, k);
            people += m.unit_totals[j];
            double kl = 0.0;
            for (std::size_t k = 0; k < K; ++k) {
                const double q = cumulative[k] / people;
                if (q > 0.0) kl += q * std::log(q / pi[k]);
            }
            coefficient += kl;
        }
        weighted[i] = m.unit_totals[i] * coefficient;
    });
    return std::accumulate(weighted.begin(), weighted.end(), 0.0) / m.grand_total;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "global_distortion",
              .title = "Global distortion",
              .description = "Population-weighted area under each area's divergence profile: how far residents must "
                             "look outwards before their surroundings resemble the town.",
              .formula = "G = sum_i t_i D_i / T, D_i = sum_k KL(q_ik || pi), q_ik = composition of the k areas "
                         "nearest to i",
              .reference = "Olteanu, M., Randon-Furling, J. & Clark, W. A. V. (2019). Segregation through the "
                           "multiscalar lens. PNAS 116(25), 12250-12254.",
              .library_name = "GlobalDistortion",
              .groups = IndexGroups::multigroup,
              .needs = {.geometry = true},
              .min_value = 0.0,
              .max_value = std::numeric_limits<double>::infinity()},
    global_distortion,
    {}}};

}  // namespace
}  // namespace cohesion
