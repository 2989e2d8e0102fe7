#pragma once
// Calibrated parameters as a small JSON file, so a calibration (minutes) is done once and
// `cohesion simulate` / `cohesion project --method model` reuse it:
//   {"groups": [...], "share": [...], "private_rented": x, "distance_per_km": x,
//    "estimates": [{"name","value","low","high","at_grid_edge"}], "fit": {...}, "notes": [...],
//    "draws": [[β_1..β_K, β_pr, β_d], ...]}   (the calibration's bootstrap parameter sets)
#include <string>

#include "simulation/calibration.hpp"

namespace cohesion {

std::string calibration_json(const CalibrationResult& result, const std::vector<std::string>& groups,
                             const std::string& town);
// Throws Error naming the file and field; the groups must match `groups` in order.
ModelParameters load_parameters(const std::string& path, const std::vector<std::string>& groups);
// The bootstrap parameter sets of the file ("draws"); empty when the file has none (older files).
std::vector<ModelParameters> load_parameter_draws(const std::string& path, const std::vector<std::string>& groups);

}  // namespace cohesion
