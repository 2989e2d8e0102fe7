#pragma once
// The project file: one TOML document (toml++; TOML because its types are explicit and
// its errors carry line numbers) naming a town's data sources and the analyses to run,
// so `cohesion run PROJECT` reproduces a whole study. Paths are relative to the file.
// See docs/project.md for every key. Unknown keys, wrong types and missing files are
// errors naming the file, line and key.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "simulation/scenario.hpp"

namespace cohesion {

struct ProjectTable {
    std::string path, layout, aggregate, residual, scheme, percent_of, levels_from;
    std::vector<std::string> where, merge, groups;
};

struct ProjectChange {
    ProjectTable earlier;              // harmonised onto the later geography first
    ProjectTable later;
    std::string lookup, from_column, to_column, change_column, weights_table;  // lookup harmonisation
    std::string boundaries;            // later geography's polygons (maps, emerging enclaves)
    std::vector<std::string> emerging; // groups for emerging enclaves
    double years = 10.0;
    std::int64_t earlier_year = 0, later_year = 0;  // the censuses' years, for the report's headings (0 = not given)
    bool later_areas_of_earlier = false;  // keep only the later table's areas the harmonised earlier has
};

struct ProjectTargeting {
    std::string census, where, aggregate, boundaries, model = "maximal-covering";
    std::int64_t hubs = 3;
    double distance = 800.0;
};

// [simulation]: how `cohesion run` runs the [[scenario]] blocks (the what-if step and the
// report's "What if" section) — `cohesion simulate`'s town options and run size.
struct ProjectSimulation {
    std::string town;                  // default: [project] name
    std::string data;                  // the repository data folder (schemes, bedford/); default: the file's parent folder
    std::string parameters;            // calibrated parameters JSON; default: none (neutral preferences)
    std::int64_t replicates = 8, years = 10;
    std::uint64_t seed = 20210321;
};

struct Project {
    std::string file, folder;          // the project file and the folder paths are relative to
    std::string name, output = "out";
    ProjectTable table;
    std::string boundaries, code_field;
    std::string reference, reference_name = "England & Wales";
    std::int64_t bootstrap = 100, permutations = 999;
    std::uint64_t seed = 20170601;
    bool indices = true, local = true, report = true, pdf = true;
    std::string typology_host;
    std::vector<std::string> hotspots, enclaves;
    double min_lq = 1.5;               // enclave rule: least location quotient of a member area
    std::string places;                // [report] places: named places (wards) for maps and enclave names
    std::string national_table, national_town;  // `run --town`: compare with every local authority
    std::optional<ProjectChange> change;
    std::optional<ProjectTargeting> targeting;
    std::vector<ScenarioSpec> scenarios;  // [[scenario]] blocks (cohesion simulate; run's what-if step)
    ProjectSimulation simulation;
    // Line of every key read ("table.where" -> 7): errors about a field name the key's line.
    std::map<std::string, std::size_t> key_lines;
};

Project load_project(const std::string& path);

}  // namespace cohesion
