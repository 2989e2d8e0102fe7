#include "output/whole_counts.hpp"

#include <cmath>
#include <set>

namespace cohesion {

bool is_count_column(const std::string& name) {
    static const std::set<std::string> counts{
        "population",   "population_a", "population_b",   "households",   "private_rented", "residents_3plus",
        "need",         "need_reached", "demand",         "demand_served", "demand_within_distance",
        "total_a",      "total_b",      "count_a",        "count_b",      "people",         "areas",
        "areas_a",      "areas_b",      "areas_served",   "top_k_areas",  "rank",           "rank_lower",
        "rank_upper",   "group_count"};
    return counts.contains(name) || name.ends_with("_count");
}

void store_whole_counts(ResultTable& table) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (!is_count_column(table.columns[c])) continue;
        bool whole = true;
        for (const auto& row : table.rows) {
            if (c >= row.size()) continue;
            if (const auto* d = std::get_if<double>(&row[c]))
                whole = whole && std::isfinite(*d) && std::nearbyint(*d) == *d && std::fabs(*d) < 9e15;
            else if (std::holds_alternative<std::string>(row[c])) whole = false;
        }
        if (!whole) continue;
        for (auto& row : table.rows)
            if (c < row.size())
                if (const auto* d = std::get_if<double>(&row[c])) row[c] = static_cast<std::int64_t>(*d);
    }
}

}  // namespace cohesion
