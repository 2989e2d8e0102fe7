#include "spatial/place_names.hpp"

#include <algorithm>
#include <map>

namespace cohesion {

std::string place_name(const std::vector<std::size_t>& members, std::span<const double> population,
                       const std::vector<std::string>& place_of_area, bool join_two) {
    std::map<std::string, double> people;
    double total = 0.0;
    for (std::size_t i : members) {
        if (i >= place_of_area.size() || place_of_area[i].empty()) continue;
        // An empty area still counts a little, so areas with no residents get a name too.
        const double p = i < population.size() ? std::max(population[i], 0.0) + 1e-9 : 1e-9;
        people[place_of_area[i]] += p;
        total += p;
    }
    if (people.empty()) return "";
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [name, p] : people) ranked.emplace_back(p, name);
    // Most people first; ties by name, so the result does not depend on area order.
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    if (join_two && ranked.size() > 1 && ranked[1].first >= total / 3.0) return ranked[0].second + " and " + ranked[1].second;
    return ranked[0].second;
}

void name_enclaves(std::vector<Enclave>& enclaves, std::span<const double> population,
                   const std::vector<std::string>& place_of_area, bool join_two) {
    std::map<std::string, int> used;
    for (auto& e : enclaves) {
        std::string name = place_name(e.members, population, place_of_area, join_two);
        e.place_named = join_two && !name.empty();  // join_two: the names are places, not codes
        if (name.empty()) name = e.core_area;
        const int k = ++used[name];
        e.place = k == 1 ? name : name + " (" + std::to_string(k) + ")";
    }
}

}  // namespace cohesion
