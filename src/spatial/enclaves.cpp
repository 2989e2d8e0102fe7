#include "spatial/enclaves.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "core/error.hpp"
#include "spatial/place_names.hpp"

namespace cohesion {

std::string share_rule(const std::string& group, double min_lq) {
    const std::string who = group.empty() ? "share" : group + " share";
    if (min_lq <= 0) return "a " + who + " above the town's";
    return fmt::format("a {} at least {:g} times the town's (location quotient ≥ {:g})", who, min_lq, min_lq);
}

std::vector<Enclave> find_enclaves(const std::string& group_name, std::span<const double> group,
                                   std::span<const double> total, const std::vector<std::string>& codes,
                                   std::span<const double> area_km2, const Weights& w, const HotSpots& h,
                                   const EnclaveOptions& options) {
    const std::size_t n = w.n;
    if (group.size() != n || total.size() != n || codes.size() != n || (!area_km2.empty() && area_km2.size() != n) ||
        (!options.places.empty() && options.places.size() != n))
        throw Error("enclaves: inputs do not have one value per area");
    const double group_total = std::accumulate(group.begin(), group.end(), 0.0);
    const double town_share = group_total / std::accumulate(total.begin(), total.end(), 0.0);
    std::vector<char> member(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const bool significant = options.use_lisa ? h.cluster[i] == "HH" : h.hot_spot[i] == "hot";
        const double lq = total[i] > 0 && town_share > 0 ? group[i] / total[i] / town_share : 0.0;
        // A hair of tolerance: 30 of 100 against a town share of 20 % is an LQ of exactly 1.5.
        const bool above = options.min_lq <= 0 ? lq > 1.0 : lq >= options.min_lq * (1 - 1e-12) && lq > 1.0;
        member[i] = significant && above;
    }

    std::vector<char> seen(n, 0);
    std::vector<Enclave> enclaves;
    std::vector<std::size_t> stack;
    for (std::size_t start = 0; start < n; ++start) {
        if (!member[start] || seen[start]) continue;
        Enclave e;
        stack.assign(1, start);
        seen[start] = 1;
        while (!stack.empty()) {  // flood fill over member neighbours
            const std::size_t i = stack.back();
            stack.pop_back();
            e.members.push_back(i);
            for (std::size_t j : w.neighbours_of(i))
                if (member[j] && !seen[j]) {
                    seen[j] = 1;
                    stack.push_back(j);
                }
        }
        if (e.members.size() < options.min_areas) continue;
        std::sort(e.members.begin(), e.members.end());
        double best = -1.0;
        for (std::size_t i : e.members) {
            e.population += total[i];
            e.group_count += group[i];
            if (!area_km2.empty()) e.area_km2 += area_km2[i];
            const double share = total[i] > 0 ? group[i] / total[i] : 0.0;
            if (share > best) {
                best = share;
                e.core_area = codes[i];
            }
        }
        e.group_share = e.population > 0 ? e.group_count / e.population : 0.0;
        e.share_of_group = group_total > 0 ? e.group_count / group_total : 0.0;
        enclaves.push_back(std::move(e));
    }
    std::stable_sort(enclaves.begin(), enclaves.end(),
                     [](const Enclave& a, const Enclave& b) { return a.group_count > b.group_count; });
    for (std::size_t k = 0; k < enclaves.size(); ++k) enclaves[k].name = group_name + " enclave " + std::to_string(k + 1);
    name_enclaves(enclaves, total, options.places.empty() ? codes : options.places, !options.places.empty());
    return enclaves;
}

}  // namespace cohesion
