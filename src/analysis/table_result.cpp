#include "analysis/table_result.hpp"

namespace cohesion {

ResultTable table_result(const Table& t, std::vector<std::string> notes, const std::string& title) {
    ResultTable out;
    out.title = title;
    out.notes = std::move(notes);
    out.columns.push_back("code");
    for (const auto& level : t.levels()) out.columns.push_back(level.name);
    if (t.has_declared_total()) out.columns.push_back(t.declared_total_name());
    for (const auto& g : t.group_names()) out.columns.push_back(g);
    for (std::size_t i = 0; i < t.areas(); ++i) {
        std::vector<Cell> row{t.area_codes()[i]};
        for (const auto& level : t.levels()) row.emplace_back(level.labels[i]);
        if (t.has_declared_total()) row.emplace_back(t.declared_total()[i]);
        for (std::size_t g = 0; g < t.groups(); ++g) row.emplace_back(t.count(i, g));
        out.add_row(std::move(row));
    }
    return out;
}

}  // namespace cohesion
