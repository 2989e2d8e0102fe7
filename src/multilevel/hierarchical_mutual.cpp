#include "multilevel/hierarchical_mutual.hpp"

#include <cmath>

#include "core/error.hpp"

namespace cohesion {

HierarchicalMutual decompose_mutual_hierarchy(const NestedHierarchy& h, const std::vector<std::vector<double>>& columns) {
    const std::size_t L = h.levels(), G = columns.size();
    if (G < 2) throw Error("multilevel: the M decomposition needs at least two groups");
    for (const auto& c : columns)
        if (c.size() != h.size(0))
            throw Error("multilevel: a group column has " + std::to_string(c.size()) + " values for " +
                        std::to_string(h.size(0)) + " base units");
    // counts[l][g * units + a] and totals per area, for every level.
    std::vector<std::vector<double>> counts(L), area_total(L);
    counts[0].resize(G * h.size(0));
    area_total[0].assign(h.size(0), 0.0);
    for (std::size_t g = 0; g < G; ++g)
        for (std::size_t i = 0; i < h.size(0); ++i) {
            counts[0][g * h.size(0) + i] = columns[g][i];
            area_total[0][i] += columns[g][i];
        }
    for (std::size_t l = 1; l < L; ++l) {
        const std::size_t below = h.size(l - 1), here = h.size(l);
        counts[l].assign(G * here, 0.0);
        area_total[l].assign(here, 0.0);
        for (std::size_t g = 0; g < G; ++g)
            for (std::size_t a = 0; a < below; ++a) counts[l][g * here + h.parent[l - 1][a]] += counts[l - 1][g * below + a];
        for (std::size_t a = 0; a < below; ++a) area_total[l][h.parent[l - 1][a]] += area_total[l - 1][a];
    }
    std::vector<double> group_total(G, 0.0);
    double N = 0.0;
    for (std::size_t g = 0; g < G; ++g) {
        for (std::size_t a = 0; a < h.size(L - 1); ++a) group_total[g] += counts[L - 1][g * h.size(L - 1) + a];
        N += group_total[g];
    }
    if (!(N > 0.0)) throw Error("multilevel: the table has nobody in it");

    HierarchicalMutual r;
    for (double t : group_total)
        if (t > 0.0) r.entropy -= (t / N) * std::log(t / N);
    // M of one level against the whole population: Σ_a Σ_g (n_ag/N) ln(n_ag N / (n_a n_g)).
    auto total_M_of = [&](std::size_t l) {
        const std::size_t units = h.size(l);
        double m = 0.0;
        for (std::size_t g = 0; g < G; ++g)
            for (std::size_t a = 0; a < units; ++a) {
                const double n = counts[l][g * units + a];
                if (n > 0.0) m += n / N * std::log(n * N / (area_total[l][a] * group_total[g]));
            }
        return m;
    };
    r.total_M = total_M_of(0);
    r.terms.push_back({h.level_names[L - 1], {}, total_M_of(L - 1), 0.0, 0.0});
    for (std::size_t l = L - 1; l-- > 0;) {
        const std::size_t units = h.size(l), up = h.size(l + 1);
        double w = 0.0;
        for (std::size_t g = 0; g < G; ++g)
            for (std::size_t a = 0; a < units; ++a) {
                const double n = counts[l][g * units + a];
                if (!(n > 0.0)) continue;
                const std::size_t p = h.parent[l][a];
                w += n / N * std::log(n * area_total[l + 1][p] / (area_total[l][a] * counts[l + 1][g * up + p]));
            }
        r.terms.push_back({h.level_names[l], h.level_names[l + 1], w, 0.0, 0.0});
    }
    r.total_H = r.entropy > 0.0 ? r.total_M / r.entropy : 0.0;
    for (auto& t : r.terms) {
        t.H = r.entropy > 0.0 ? t.M / r.entropy : 0.0;
        t.share = r.total_M > 0.0 ? t.M / r.total_M : 0.0;
    }
    return r;
}

}  // namespace cohesion
