#pragma once
// Hierarchy levels from a lookup file — for tables that carry only an area code (e.g.
// the Census 2021 OA tables), so that --where LAD=... and --aggregate LSOA work.
// The lookup is a CSV whose first column is the area code and whose other columns
// become levels named by their header (e.g. oa2021_lookup: lsoa21cd, msoa21cd, lad22nm).
// Every area of the table must be in the lookup; extra lookup rows are ignored.
#include <string>

#include "core/table.hpp"

namespace cohesion {

Table add_levels_from(const Table& table, const std::string& lookup_path);

}  // namespace cohesion
