#pragma once
// Operations that derive a new Table from another: filter, aggregate, merge and
// select groups, residual group. Each records what it did in Table::history().
#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

// Keep areas whose label at `level` equals `value` ("where LAD=Bedford"): exactly or,
// when no label does, ignoring case; "Tower Hamlets,Newham" keeps the areas of each value
// (a whole value with a comma, "Bristol, City of", is tried first). A value that matches
// nothing is an error naming some values and the nearest one.
Table filter_areas(const Table& table, std::string_view level, std::string_view value);
// Keep the given rows, in the given order (e.g. the areas that have a polygon).
Table select_areas(const Table& table, const std::vector<std::size_t>& rows);

// The areas with these codes, in this order (e.g. a later census put on an earlier
// table's order); throws naming how many codes, and which first, the table lacks.
Table select_area_codes(const Table& table, const std::vector<std::string>& codes);

// Parse and apply "LEVEL=VALUE".
Table filter_areas(const Table& table, std::string_view where_expression);

// Sum areas to the labels of `level` (e.g. OA -> LSOA). Coarser levels whose label is
// constant within each new unit are kept; finer or cross-cutting ones are dropped.
Table aggregate(const Table& table, std::string_view level);

// "NAME=A+B+C": replace groups A, B, C by their sum called NAME (at the position of A).
Table merge_groups(const Table& table, std::string_view merge_expression);

// Keep only the named groups, in the given order. The declared total is kept, so
// two-group "rest" still means everyone else in the area.
Table select_groups(const Table& table, const std::vector<std::string>& groups);

// Add declared_total − Σ groups as a group called `name` (requires a declared total).
Table add_residual_group(const Table& table, std::string_view name);

}  // namespace cohesion
