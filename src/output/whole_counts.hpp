#pragma once
// Counts written as integers: a column of people, households or areas whose values are
// all whole numbers is stored as integers, so files read `2220` and `12`, not `2.22e+3`
// or `12.000000` (GeoPackage REAL fields show six decimals in QGIS).
//
// Why here and not in every analysis: counts are carried as doubles through the
// statistics (census tables may hold estimated, fractional counts, e.g. from
// percentages); only the columns that are counts by name and whole in every row become
// integers, so an estimated count column stays as it is, honestly fractional.
#include <string>

#include "output/result_table.hpp"

namespace cohesion {

// population, households, group_count, count_a, residents_3plus, areas, rank, ...
bool is_count_column(const std::string& name);
// Converts such columns in place (double cells -> std::int64_t; missing cells stay missing).
void store_whole_counts(ResultTable& table);

}  // namespace cohesion
