#include "simulation/outcome_measures.hpp"

#include <cmath>
#include <numeric>

#include "core/count_matrix.hpp"
#include "indices/registry.hpp"

namespace cohesion {

std::vector<double> area_shares(const std::vector<double>& counts, std::size_t n, std::size_t k) {
    std::vector<double> shares(n * k, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        double total = 0;
        for (std::size_t g = 0; g < k; ++g) total += counts[g * n + i];
        if (total <= 0) continue;
        for (std::size_t g = 0; g < k; ++g) shares[g * n + i] = counts[g * n + i] / total;
    }
    return shares;
}

std::vector<double> to_double(const std::vector<std::int64_t>& counts) {
    return {counts.begin(), counts.end()};
}

std::vector<double> area_share_errors(const std::vector<double>& a, const std::vector<double>& b, std::size_t n,
                                      std::size_t k) {
    std::vector<double> e(n, 0.0);
    for (std::size_t g = 0; g < k; ++g)
        for (std::size_t i = 0; i < n; ++i) e[i] += std::abs(a[g * n + i] - b[g * n + i]) / static_cast<double>(k);
    return e;
}

double mean(const std::vector<double>& values) {
    return values.empty() ? 0.0 : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

IndexValues index_values(const std::vector<double>& counts, std::size_t n, std::size_t k) {
    const auto& registry = IndexRegistry::instance();
    const auto& d = registry.get("dissimilarity");
    const auto& xpx = registry.get("isolation");
    const auto& m = registry.get("mutual_information");
    const IndexParams params;
    std::vector<std::string> names(k);
    for (std::size_t g = 0; g < k; ++g) names[g] = "g" + std::to_string(g);
    IndexValues out;
    const CountMatrix all = make_count_matrix(counts, n, names);
    out.mutual_information = m.compute(IndexInput{all, params});
    std::vector<double> two(2 * n);
    for (std::size_t g = 0; g < k; ++g) {
        for (std::size_t i = 0; i < n; ++i) {
            double total = 0;
            for (std::size_t h = 0; h < k; ++h) total += counts[h * n + i];
            two[i] = counts[g * n + i];
            two[n + i] = total - counts[g * n + i];
        }
        const CountMatrix view = make_count_matrix(two, n, {"focal", "rest"});
        out.dissimilarity.push_back(d.compute(IndexInput{view, params}));
        out.isolation.push_back(xpx.compute(IndexInput{view, params}));
    }
    return out;
}

}  // namespace cohesion
