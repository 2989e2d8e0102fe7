#pragma once
// Reading back result tables written by `--output x.json` (one table or an array of
// them), so a report can include results of earlier runs (change over time, targeting)
// without recomputing them.
#include <string>
#include <vector>

#include "output/result_table.hpp"

namespace cohesion {

std::vector<ResultTable> load_result_json(const std::string& path);

}  // namespace cohesion
