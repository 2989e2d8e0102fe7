#pragma once
// [[scenario]] blocks of a project file: the "what if" levers `cohesion simulate` compares with
// the baseline (docs/simulation.md lists every key). Example:
//   [[scenario]]
//   name = "New estate at Wixams"
//   assumption = "1,500 homes, a third social"
//   [[scenario.development]]
//   point = [506500, 242500]      # British National Grid metres (or area = "E01...")
//   dwellings = 1500
//   private_rented = 0.2
//   social_rented = 0.33
//   year = 2025
//   [[scenario.tenure_change]]    # private rented turned social (licensing, acquisition)
//   areas = ["E01017502"]         # none = every area
//   fraction = 0.25
//   year = 2024
//   [[scenario.mobility]]         # an explicit assumption, never evidence
//   group = "Asian"
//   point = [505000, 249500]
//   radius = 1000                 # metres
//   multiplier = 1.2
//   year = 2024
//   [scenario.allocation]         # social-housing mixing quota (or allocation = { ... }, or [[...]] blocks)
//   max_share = 0.5               # no group above half of an area's new social tenants in a year
//   max_share_by_group = { White = 0.6 }   # optional per-group maxima (a target mix)
//   areas = ["E01017502"]         # or point + radius; none = every area
//   year = 2024
#include <string>
#include <vector>

#include "project/toml_section.hpp"
#include "simulation/scenario.hpp"

namespace cohesion {

// The scenarios of a parsed file's root table (marks the key used).
std::vector<ScenarioSpec> read_scenarios(TomlSection& root);
// Only the [[scenario]] blocks of any TOML file (other keys ignored).
std::vector<ScenarioSpec> load_scenarios(const std::string& path);

}  // namespace cohesion
