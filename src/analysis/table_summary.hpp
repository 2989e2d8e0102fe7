#pragma once
// What is in a table — areas, groups, totals, hierarchy levels — so a user can check the
// load before trusting any index (`cohesion info`, the first output of `cohesion run`).
#include <vector>

#include "core/table.hpp"
#include "output/result_table.hpp"

namespace cohesion {

// Two tables: the summary (property, value) and one row per group (count, share, areas present).
std::vector<ResultTable> table_summary(const Table& table);

}  // namespace cohesion
