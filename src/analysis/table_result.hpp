#pragma once
// A count table as a result table (code, levels, total, one column per group), so a
// table made by the library — harmonised onto other areas, aggregated — can be written
// as a CSV that every loader reads back as it was (`cohesion harmonise`, `cohesion run`).
#include <string>
#include <vector>

#include "core/table.hpp"
#include "output/result_table.hpp"

namespace cohesion {

ResultTable table_result(const Table& table, std::vector<std::string> notes,
                         const std::string& title = "Harmonised table");

}  // namespace cohesion
