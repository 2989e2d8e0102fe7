#include "analysis/table_summary.hpp"

#include <cstdint>
#include <set>
#include <string_view>

namespace cohesion {

std::vector<ResultTable> table_summary(const Table& table) {
    ResultTable summary;
    summary.title = "Table " + table.source();
    summary.notes = table.history();
    summary.columns = {"property", "value"};
    const auto group_sum = table.group_sum();
    double population = 0.0, listed = 0.0;
    std::int64_t zero_areas = 0, residual_areas = 0;
    const auto total = table.unit_total();
    for (std::size_t i = 0; i < table.areas(); ++i) {
        population += total[i];
        listed += group_sum[i];
        if (total[i] <= 0.0) ++zero_areas;
        if (total[i] - group_sum[i] > 1e-9) ++residual_areas;
    }
    summary.add_row({std::string("areas"), static_cast<std::int64_t>(table.areas())});
    summary.add_row({std::string("groups"), static_cast<std::int64_t>(table.groups())});
    summary.add_row({std::string("total column"),
                     table.has_declared_total() ? table.declared_total_name() : std::string("(none: sum of groups)")});
    summary.add_row({std::string("population (unit total)"), population});
    summary.add_row({std::string("population in listed groups"), listed});
    summary.add_row({std::string("residual (total - groups)"), population - listed});
    summary.add_row({std::string("areas with a residual"), residual_areas});
    summary.add_row({std::string("areas with zero population"), zero_areas});
    for (const auto& level : table.levels()) {
        std::set<std::string_view> distinct(level.labels.begin(), level.labels.end());
        summary.add_row({"level " + level.name, static_cast<std::int64_t>(distinct.size())});
    }

    ResultTable groups;
    groups.title = "Groups";
    groups.columns = {"group_name", "count", "share_of_total", "areas_present"};
    for (std::size_t g = 0; g < table.groups(); ++g) {
        double sum = 0.0;
        std::int64_t present = 0;
        for (double v : table.column(g)) {
            sum += v;
            present += v > 0.0;
        }
        groups.add_row({table.group_names()[g], sum, population > 0 ? sum / population : 0.0, present});
    }
    return {summary, groups};
}

}  // namespace cohesion
