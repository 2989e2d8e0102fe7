#pragma once
// The data of a JSON output, for comparing two ways of computing the same thing (`run` and
// its commands, an API endpoint and its command): each table's columns and rows without
// its title and notes (which name the files each side read), or a layer's feature properties.
#include <nlohmann/json.hpp>

namespace cohesion::test {

inline nlohmann::json data_of(const nlohmann::json& j) {
    if (j.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& t : j) out.push_back(data_of(t));
        return out;
    }
    if (j.contains("features")) {
        nlohmann::json props = nlohmann::json::array();
        for (const auto& f : j["features"]) props.push_back(f["properties"]);
        return props;
    }
    return {{"columns", j["columns"]}, {"rows", j["rows"]}};
}

}  // namespace cohesion::test
