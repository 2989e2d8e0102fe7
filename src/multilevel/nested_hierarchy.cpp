#include "multilevel/nested_hierarchy.hpp"

#include <unordered_map>

#include "core/error.hpp"

namespace cohesion {

std::size_t NestedHierarchy::ancestor(std::size_t base, std::size_t level) const {
    std::size_t k = base;
    for (std::size_t l = 0; l < level; ++l) k = parent[l][k];
    return k;
}

std::size_t NestedHierarchy::level_index(const std::string& name) const {
    std::string known;
    for (std::size_t l = 0; l < level_names.size(); ++l) {
        if (level_names[l] == name) return l;
        known += (l ? ", " : "") + level_names[l];
    }
    throw Error("multilevel: no level '" + name + "' in the model (levels: " + known + ")");
}

NestedHierarchy build_nested_hierarchy(std::vector<std::string> level_names,
                                       const std::vector<std::vector<std::string>>& row_labels,
                                       const std::string& source) {
    if (level_names.empty() || level_names.size() != row_labels.size())
        throw Error("multilevel: " + std::to_string(level_names.size()) + " level names for " +
                    std::to_string(row_labels.size()) + " label columns");
    const std::size_t rows = row_labels[0].size();
    if (rows == 0) throw Error(Location{source, 0, level_names[0]}, "no areas to model");
    for (std::size_t l = 0; l < row_labels.size(); ++l)
        if (row_labels[l].size() != rows)
            throw Error(Location{source, 0, level_names[l]}, "has " + std::to_string(row_labels[l].size()) +
                                                                 " labels, expected one per area (" +
                                                                 std::to_string(rows) + ")");
    NestedHierarchy h;
    h.level_names = std::move(level_names);
    const std::size_t L = h.level_names.size();
    h.labels.resize(L);
    h.parent.resize(L - 1);
    // unit_of_row[l][r]: unit of level l holding row r.
    std::vector<std::vector<std::size_t>> unit_of_row(L, std::vector<std::size_t>(rows));
    for (std::size_t l = 0; l < L; ++l) {
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t r = 0; r < rows; ++r) {
            auto [it, inserted] = index.try_emplace(row_labels[l][r], h.labels[l].size());
            if (inserted) h.labels[l].push_back(row_labels[l][r]);
            unit_of_row[l][r] = it->second;
        }
    }
    constexpr std::size_t unset = static_cast<std::size_t>(-1);
    for (std::size_t l = 0; l + 1 < L; ++l) {
        auto& parent = h.parent[l];
        parent.assign(h.labels[l].size(), unset);
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t k = unit_of_row[l][r], p = unit_of_row[l + 1][r];
            if (parent[k] == unset) parent[k] = p;
            else if (parent[k] != p)
                throw Error(Location{source, r + 2, h.level_names[l + 1]},
                            h.level_names[l] + " '" + h.labels[l][k] + "' lies in two " + h.level_names[l + 1] +
                                " areas ('" + h.labels[l + 1][parent[k]] + "' and '" + h.labels[l + 1][p] +
                                "'); the multilevel model needs each area inside exactly one area of the level above");
        }
    }
    h.base_of_row = std::move(unit_of_row[0]);
    return h;
}

std::vector<double> sum_to_base(const NestedHierarchy& h, const std::vector<double>& per_row) {
    if (per_row.size() != h.base_of_row.size())
        throw Error("multilevel: " + std::to_string(per_row.size()) + " values for " +
                    std::to_string(h.base_of_row.size()) + " rows");
    std::vector<double> out(h.size(0), 0.0);
    for (std::size_t r = 0; r < per_row.size(); ++r) out[h.base_of_row[r]] += per_row[r];
    return out;
}

}  // namespace cohesion
