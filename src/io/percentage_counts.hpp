#pragma once
// Estimated counts from a table of percentages — e.g. Census 2021 ethnic group per output
// area, published only as rounded percentages (ts021_ethnic5_pct), times the area's
// usual residents (ts001 `total`).
//
// count(area, group) = total(area) × pct(area, group) / Σ_groups pct(area)
//
// Dividing by the row's own percentage sum (not 100) keeps each area's people equal to
// its total although the rounded percentages rarely add to exactly 100: no one is
// created or lost. The counts are estimates and fractional (docs/conventions.md:
// estimated counts); the table's history says so. An area with people but no
// percentages, a percentage outside [0, 100], or an area missing from the totals is an
// error naming it.
#include <string>

#include "core/table.hpp"

namespace cohesion {

// `totals` holds `total_column` as its declared total or as a group. Group names that all
// end in `_pct` lose the suffix (asian_pct -> asian), matching the count tables.
Table counts_from_percentages(const Table& percentages, const Table& totals, const std::string& total_column);

}  // namespace cohesion
