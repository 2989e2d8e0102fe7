#pragma once
// Change between two censuses on the same areas, as result tables: the town's make-up in
// each year (optionally beside a national reference), why segregation changed (Shapley
// decomposition of ΔM, change/mutual_difference), and the pace of change per area
// (change/pace_of_change) with each area's structural contribution. The per-area table is
// last, so that it is the one written as a map layer.
#include <optional>
#include <string>
#include <vector>

#include "change/pace_of_change.hpp"
#include "core/table.hpp"
#include "output/result_table.hpp"

namespace cohesion {

// The reference area (e.g. England & Wales) in each year; groups are matched by name.
struct NationalChange {
    std::string label;
    const Table* a = nullptr;
    const Table* b = nullptr;
};

struct ChangeTableOptions {
    PaceOptions pace;
    std::string label_a = "A", label_b = "B";  // where each table came from, for the notes
    std::optional<NationalChange> national;
};

std::vector<ResultTable> change_tables(const Table& a, const Table& b, const ChangeTableOptions& options);

}  // namespace cohesion
