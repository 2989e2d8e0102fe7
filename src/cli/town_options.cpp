#include "cli/town_options.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/progress_bar.hpp"
#include "simulation/calibration.hpp"
#include "simulation/parameters_json.hpp"

namespace cohesion::cli {

namespace fs = std::filesystem;

void add_town_options(CLI::App& command, TownOptionValues& v) {
    const auto* g = "Town";
    command.add_option("--town", v.town, "Local authority (2011 name = 2022 name), e.g. Bedford, Luton, Reading")
        ->capture_default_str()->group(g);
    command.add_option("--data", v.data, "The repository's data folder (group schemes, bedford/, simulation/)")
        ->capture_default_str()->group(g);
    command.add_option("--shared", v.shared,
                       "Shared national data folder (default: $COHESION_SHARED_DATA, else ../shared/data)")->group(g);
    command.add_option("--parameters", v.parameters,
                       "Calibrated model parameters (JSON from `cohesion simulate --calibrate --save-parameters`); "
                       "default: data/simulation/bedford_parameters.json")->group(g);
}

Town load_town_from(const TownOptionValues& v) { return load_town(town_sources(v.town, v.data, v.shared)); }

namespace {

// --parameters, else the bundled Bedford calibration; empty when neither exists.
std::string parameters_path(const TownOptionValues& v) {
    if (!v.parameters.empty()) return v.parameters;
    const fs::path bundled = fs::path(v.data) / "simulation" / "bedford_parameters.json";
    return fs::exists(bundled) ? bundled.string() : std::string();
}

}  // namespace

ModelParameters parameters_for(const TownOptionValues& v, const Town& town, std::vector<std::string>& notes) {
    const std::string path = parameters_path(v);
    if (path.empty()) {
        notes.push_back("model parameters: none calibrated found; neutral preferences (β = 0, −0.1 per km)");
        return neutral_parameters(town.groups.size());
    }
    notes.push_back("model parameters: " + path +
                    (town.name == "Bedford" ? std::string() : " (calibrated on another town: an assumption of transfer)"));
    return load_parameters(path, town.groups);
}

std::vector<ModelParameters> parameter_draws_for(const TownOptionValues& v, const Town& town,
                                                 std::vector<std::string>& notes) {
    const std::string path = parameters_path(v);
    if (path.empty()) return {};
    auto draws = load_parameter_draws(path, town.groups);
    if (draws.empty())
        notes.push_back(path + " has no bootstrap parameter draws (an older calibration): the interval is simulation "
                               "noise only; re-run `cohesion simulate --calibrate --save-parameters` to include parameter "
                               "uncertainty");
    return draws;
}

std::function<void(std::size_t, std::size_t)> progress_reporter(const std::string& label) {
    if (isatty(STDERR_FILENO)) {
        auto bar = std::make_shared<std::unique_ptr<ProgressBar>>();
        auto done = std::make_shared<std::size_t>(0);
        return [bar, done, label](std::size_t now, std::size_t total) {
            if (!*bar) *bar = std::make_unique<ProgressBar>(label, total);
            if (now > *done) (*bar)->advance(now - *done);
            *done = now;
            if (now >= total) bar->reset();
        };
    }
    auto quarter = std::make_shared<std::size_t>(0);
    return [quarter, label](std::size_t now, std::size_t total) {
        const std::size_t q = total ? 4 * now / total : 4;
        if (q > *quarter) {
            *quarter = q;
            std::fprintf(stderr, "%s: %zu/%zu\n", label.c_str(), now, total);
        }
    };
}

}  // namespace cohesion::cli
