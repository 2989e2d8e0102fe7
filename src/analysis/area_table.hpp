#pragma once
// The per-area table the dashboard maps and `cohesion local --shares` prints: population,
// each group's share, then the local indices — at the table's own areas, or with each area
// carrying the values of the higher-level unit it belongs to (column `level_area`), so a
// map of output areas can show LSOAs, MSOAs or districts without polygons of their own.
#include <string>

#include "core/table.hpp"
#include "output/result_table.hpp"

namespace cohesion {

ResultTable area_table(const Table& table);
// `level` empty: area_table(table).
ResultTable area_table_at_level(const Table& table, const std::string& level);

}  // namespace cohesion
