#include "analysis/area_table.hpp"

#include <unordered_map>

#include "analysis/index_tables.hpp"
#include "core/table_operations.hpp"

namespace cohesion {

ResultTable area_table(const Table& table) {
    ResultTable local = local_table(table, {});
    const auto total = table.group_sum();
    std::vector<std::string> columns{"area", "population"};
    for (const auto& g : table.group_names()) columns.push_back(g + "_share");
    for (std::size_t c = 2; c < local.columns.size(); ++c) columns.push_back(local.columns[c]);
    ResultTable out;
    out.title = "Areas";
    out.notes = local.notes;
    out.columns = columns;
    for (std::size_t i = 0; i < table.areas(); ++i) {
        std::vector<Cell> row{local.rows[i][0], local.rows[i][1]};
        for (std::size_t g = 0; g < table.groups(); ++g)
            if (total[i] > 0) row.emplace_back(table.count(i, g) / total[i]);
            else row.emplace_back(std::monostate{});
        row.insert(row.end(), local.rows[i].begin() + 2, local.rows[i].end());
        out.add_row(std::move(row));
    }
    return out;
}

ResultTable area_table_at_level(const Table& table, const std::string& level) {
    if (level.empty()) return area_table(table);
    const ResultTable units = area_table(aggregate(table, level));
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < units.rows.size(); ++r) row_of.emplace(std::get<std::string>(units.rows[r][0]), r);
    ResultTable out;
    out.title = "Areas, with the values of their " + level;
    out.notes = units.notes;
    out.notes.push_back("each area shows the values of the " + level + " it belongs to");
    out.columns = {"area", "level_area"};
    out.columns.insert(out.columns.end(), units.columns.begin() + 1, units.columns.end());
    const auto& labels = table.level(level).labels;
    for (std::size_t i = 0; i < table.areas(); ++i) {
        std::vector<Cell> row{table.area_codes()[i], labels[i]};
        if (const auto it = row_of.find(labels[i]); it != row_of.end())
            row.insert(row.end(), units.rows[it->second].begin() + 1, units.rows[it->second].end());
        else row.resize(out.columns.size());
        out.add_row(std::move(row));
    }
    return out;
}

}  // namespace cohesion
