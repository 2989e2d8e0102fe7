#pragma once
// Options naming a town for `cohesion project` and `cohesion simulate`: the bundled Bedford
// folder by default, any other local authority from the shared national files, plus
// model-run options (parameters file, seed, replicates) and progress reporting on stderr.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

#include "simulation/town.hpp"

namespace cohesion::cli {

struct TownOptionValues {
    std::string town = "Bedford";
    std::string data = "data";    // the repository's data folder (schemes, bedford/, simulation/)
    std::string shared;           // ../shared/data (default: $COHESION_SHARED_DATA, else ../shared/data)
    std::string parameters;       // calibrated parameters JSON; default data/simulation/bedford_parameters.json
};

void add_town_options(CLI::App& command, TownOptionValues& values);
// Bedford from data/bedford when that folder exists, else the town from the shared files.
Town load_town_from(const TownOptionValues& values);
// The calibrated parameters for the town's groups: --parameters, else the bundled Bedford
// calibration when present (a note says which), else none (share empty).
ModelParameters parameters_for(const TownOptionValues& values, const Town& town, std::vector<std::string>& notes);
// The same file's bootstrap parameter sets (empty, with a note, when it has none or there is no file).
std::vector<ModelParameters> parameter_draws_for(const TownOptionValues& values, const Town& town,
                                                 std::vector<std::string>& notes);

// Progress on stderr: a bar on a terminal, else a line at each quarter (logs stay short).
std::function<void(std::size_t, std::size_t)> progress_reporter(const std::string& label);

}  // namespace cohesion::cli
