#include "analysis/group_share.hpp"

namespace cohesion {

GroupShare group_share(const Table& table, const std::string& group) {
    GroupShare s;
    const auto column = table.column(table.group_index(group));
    s.count.assign(column.begin(), column.end());
    s.total = table.unit_total();
    s.share.resize(s.count.size());
    for (std::size_t i = 0; i < s.count.size(); ++i) s.share[i] = s.total[i] > 0 ? s.count[i] / s.total[i] : 0.0;
    s.description = "variable: share of " + group + " in each area (of " +
                    (table.has_declared_total() ? table.declared_total_name() : std::string("the sum of groups")) + ")";
    return s;
}

}  // namespace cohesion
