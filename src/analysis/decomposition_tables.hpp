#pragma once
// M and H decomposed into between- and within-cluster parts for a hierarchy level and
// into each group's contribution, as result tables (`cohesion decompose`, the Python
// package's `decompose`).
#include <string>
#include <vector>

#include "core/table.hpp"
#include "output/result_table.hpp"

namespace cohesion {

// `within` empty: only the by-group table. Else the summary (total, between, within),
// then — unless `skip_parts` — each cluster's within-part, then the by-group table.
std::vector<ResultTable> decomposition_tables(const Table& table, const std::string& within, bool skip_parts = false);

}  // namespace cohesion
