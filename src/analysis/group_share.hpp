#pragma once
// A group's count, unit total and share per area — the variable hot spots, enclaves and
// the maps are about. The share divides by the declared total (e.g. Persons) when the
// table has one, else by the sum of groups; zero-population areas get share 0
// (docs/conventions.md).
#include <string>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct GroupShare {
    std::vector<double> count, total, share;
    std::string description;  // which total the share divides by
};

// Throws Error naming the table's groups when `group` is not one of them.
GroupShare group_share(const Table& table, const std::string& group);

}  // namespace cohesion
