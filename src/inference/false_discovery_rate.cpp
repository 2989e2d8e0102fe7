#include "inference/false_discovery_rate.hpp"

#include <algorithm>
#include <numeric>

namespace cohesion {

std::vector<double> benjamini_hochberg(std::span<const double> p) {
    const std::size_t n = p.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    std::vector<double> q(n);
    double running = 1.0;
    for (std::size_t k = n; k-- > 0;) {
        const std::size_t i = order[k];
        running = std::min(running, p[i] * static_cast<double>(n) / static_cast<double>(k + 1));
        q[i] = std::min(1.0, running);
    }
    return q;
}

}  // namespace cohesion
