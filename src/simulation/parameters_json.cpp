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
    // Parameter draws (one per bootstrap resample), in the order share..., private_rented, distance_per_km.
    j["draws"] = nlohmann::json::array();
    for (const auto& d : r.draws) {
        std::vector<double> theta = d.share;
        theta.push_back(d.private_rented);
        theta.push_back(d.distance_per_km);
        j["draws"].push_back(theta);
    }
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

namespace cohesion {

std::vector<ModelParameters> load_parameter_draws(const std::string& path, const std::vector<std::string>& groups) {
    load_parameters(path, groups);  // the same checks of the file and its groups
    const auto j = nlohmann::json::parse(read_text_file(path));
    std::vector<ModelParameters> out;
    if (!j.contains("draws")) return out;
    try {
        for (const auto& d : j.at("draws")) {
            const auto theta = d.get<std::vector<double>>();
            if (theta.size() != groups.size() + 2)
                throw Error(fmt::format("{}: every entry of 'draws' must have {} values (one per group, then private_rented "
                                        "and distance_per_km)",
                                        path, groups.size() + 2));
            ModelParameters p;
            p.share.assign(theta.begin(), theta.end() - 2);
            p.private_rented = theta[theta.size() - 2];
            p.distance_per_km = theta.back();
            out.push_back(std::move(p));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": 'draws' must be a list of lists of numbers (" + e.what() + ")");
    }
    return out;
}

}  // namespace cohesion
