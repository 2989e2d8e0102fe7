#pragma once
// The display tables of projections, calibrations, validations and scenario comparisons
// (rendered at the edge: the CLI prints them, the server/report can reuse them; the typed
// results stay the source).
#include <vector>

#include "output/result_table.hpp"
#include "simulation/calibration.hpp"
#include "simulation/projection.hpp"
#include "simulation/scenario.hpp"
#include "simulation/validation.hpp"

namespace cohesion {

// Town totals by group (start vs projected year), then one row per area × group.
std::vector<ResultTable> projection_tables(const Projection& projection, const std::string& town);
// Parameters with intervals, then the fit.
std::vector<ResultTable> calibration_tables(const CalibrationResult& result, const std::string& town);
ResultTable validation_table(const TownValidation& validation);
// Index trajectories (every scenario × index × year with bands), the end state per area and
// group, and the areas whose end-state shares differ most from the baseline (`top` rows).
std::vector<ResultTable> scenario_tables(const ScenarioComparison& comparison, const std::string& town, std::size_t top = 10);
// A sweep over towns: every town × scenario × index × year with bands and the difference from
// the town's baseline (one comparison per town, in the order of `towns`).
ResultTable sweep_table(const std::vector<ScenarioComparison>& comparisons, const std::vector<std::string>& towns);

}  // namespace cohesion
