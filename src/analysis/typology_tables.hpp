#pragma once
// The Poulsen-Johnston-Forrest neighbourhood type of every area, as result tables: the
// counts per type, then (unless `summary_only`) each area's type (`cohesion typology`,
// the Python package's `typology`).
#include <vector>

#include "core/table.hpp"
#include "output/result_table.hpp"
#include "spatial/typology.hpp"

namespace cohesion {

std::vector<ResultTable> typology_tables(const Table& table, const TypologyOptions& options, bool summary_only = false);

}  // namespace cohesion
