#include "simulation/parameters_json.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "io/text_file.hpp"

namespace cohesion {

std::string calibration_json(const CalibrationResult& r, const std::vector<std::string>& groups, const std::string& town) {
    nlohmann::json j;
    j["town"] = town;
    j["groups"] = groups;
    j["share"] = r.parameters.share;
    j["private_rented"] = r.parameters.private_rented;
    j["distance_per_km"] = r.parameters.distance_per_km;
    for (const auto& e : r.estimates)
        j["estimates"].push_back({{"name", e.name}, {"value", e.value}, {"low", e.low}, {"high", e.high},
                                  {"at_grid_edge", e.at_grid_edge}});
    j["fit"] = {{"share_mae", r.loss}, {"share_mae_no_change", r.loss_no_change},
                {"share_mae_no_preference", r.loss_no_preference}, {"change_correlation", r.change_correlation},
                {"evaluations", r.evaluations}, {"replicates", r.replicates}};
    j["notes"] = r.notes;
    return j.dump(2) + "\n";
}

ModelParameters load_parameters(const std::string& path, const std::vector<std::string>& groups) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(read_text_file(path));
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": not valid JSON (" + e.what() + ")");
    }
    try {
        const auto file_groups = j.at("groups").get<std::vector<std::string>>();
        if (file_groups != groups)
            throw Error(fmt::format("{}: parameters are for groups {} but the town has {}", path, fmt::join(file_groups, ", "),
                                    fmt::join(groups, ", ")));
        ModelParameters p;
        p.share = j.at("share").get<std::vector<double>>();
        if (p.share.size() != groups.size()) throw Error(path + ": 'share' must have one value per group");
        p.private_rented = j.at("private_rented").get<double>();
        p.distance_per_km = j.at("distance_per_km").get<double>();
        return p;
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": expected fields groups, share, private_rented, distance_per_km (" + e.what() + ")");
    }
}

}  // namespace cohesion
