// Spatial proximity profile SPP (spatial, two-group).
//
//   η(t) = (k_t² − k_t) / Σ_{i,j ∈ S_t} δ_ij,   S_t = {i : x_i/t_i ≥ t}, k_t = |S_t|,
//   δ_ij = shortest path (number of contiguity steps) between i and j;
//   SPP = (P − (Σ_{grid<P} η/m − Σ_{grid≥P} η/m)) / (1 − P),   grid = m points on [0, 1]
//
// How connected (close on the contiguity graph) the areas with a high share of the group
// are, integrated over share thresholds. η is 0 when S_t is disconnected or has < 2 areas.
// Why not Floyd–Warshall: the sets S_t are nested (areas enter in decreasing share), so
// one breadth-first search per area, summing hops to the areas that entered before it,
// gives every Σ δ over S_t in O(N·(N + links)) time and O(N) memory.
// Source: Hong, S.-Y. & Sadahiro, Y. (2014). Measuring geographic segregation: a graph-based
// approach. Journal of Geographical Systems 16(2), 211–231.
// Matches pysal `segregation` SpatialProxProf (m = 1000, queen weights).
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "indices/registry.hpp"
#include "indices/spatial/spatial_terms.hpp"

namespace cohesion {
namespace {

constexpr std::size_t kMaxUnits = 30000;
constexpr int kGridPoints = 1000;

double spatial_proximity_profile(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const Weights& w = weights(in, "spatial_proximity_profile");
    const std::size_t n = m.units;
    if (n > kMaxUnits)
        throw Error("'spatial_proximity_profile' needs all shortest paths; " + std::to_string(n) +
                    " areas is beyond the supported " + std::to_string(kMaxUnits) + " (aggregate first)");
    const auto share = focal_shares(m);
    std::vector<std::size_t> order(n), rank(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return share[a] > share[b]; });
    for (std::size_t r = 0; r < n; ++r) rank[order[r]] = r;

    // added[r]: Σ hops from the r-th area to the areas ranked before it; UINT64_MAX if one
    // of them is unreachable.
    constexpr std::uint64_t unreachable = std::numeric_limits<std::uint64_t>::max();
    std::vector<std::uint64_t> added(n, 0);
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t r) {
        const std::size_t source = order[r];
        std::vector<std::uint32_t> hops(n, UINT32_MAX);
        std::vector<std::size_t> queue{source};
        hops[source] = 0;
        for (std::size_t head = 0; head < queue.size(); ++head)
            for (std::size_t j : w.neighbours_of(queue[head]))
                if (hops[j] == UINT32_MAX) {
                    hops[j] = hops[queue[head]] + 1;
                    queue.push_back(j);
                }
        std::uint64_t sum = 0;
        for (std::size_t q = 0; q < r; ++q) {
            if (hops[order[q]] == UINT32_MAX) {
                sum = unreachable;
                break;
            }
            sum += hops[order[q]];
        }
        added[r] = sum;
    });
    // prefix[k] = Σ_{i,j among the first k} δ_ij (both orders), or unreachable.
    std::vector<std::uint64_t> prefix(n + 1, 0);
    for (std::size_t k = 1; k <= n; ++k)
        prefix[k] = (prefix[k - 1] == unreachable || added[k - 1] == unreachable) ? unreachable
                                                                                  : prefix[k - 1] + 2 * added[k - 1];
    const double P = m.group_totals[0] / m.grand_total;
    double below = 0.0, above = 0.0;
    std::size_t k = n;  // areas with share >= t; shrinks as t grows
    for (int g = 0; g < kGridPoints; ++g) {
        const double t = static_cast<double>(g) / (kGridPoints - 1);
        while (k > 0 && share[order[k - 1]] < t) --k;
        double eta = 0.0;
        if (k >= 2 && prefix[k] != unreachable && prefix[k] > 0)
            eta = (static_cast<double>(k) * k - static_cast<double>(k)) / static_cast<double>(prefix[k]);
        (t < P ? below : above) += eta;
    }
    return (P - (below / kGridPoints - above / kGridPoints)) / (1.0 - P);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "spatial_proximity_profile",
              .title = "Spatial proximity profile",
              .description = "How close together on the contiguity graph the areas with a high share of the group "
                             "are, over all share thresholds.",
              .formula = "SPP = (P - (sum_{t<P} eta_t/m - sum_{t>=P} eta_t/m)) / (1 - P), eta_t = (k^2 - k) / "
                         "sum_{i,j in S_t} hops_ij",
              .reference = "Hong, S.-Y. & Sadahiro, Y. (2014). Measuring geographic segregation: a graph-based "
                           "approach. Journal of Geographical Systems 16(2), 211-231.",
              .library_name = "SpatialProxProf",
              .groups = IndexGroups::two_group,
              .needs = {.weights = true},
              .min_value = -1.0,
              .max_value = 1.0},
    spatial_proximity_profile,
    {}}};

}  // namespace
}  // namespace cohesion
