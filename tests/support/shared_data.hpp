#pragma once
// Where tests find ../shared: env COHESION_SHARED_DATA (the data directory), else
// the path CMake baked in (<source>/../shared/data). Reference values live beside it.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace cohesion::test {

inline std::filesystem::path shared_data_dir() {
    if (const char* env = std::getenv("COHESION_SHARED_DATA"); env && *env) return env;
    return COHESION_DEFAULT_SHARED_DATA;
}

inline std::filesystem::path shared_reference_dir() { return shared_data_dir().parent_path() / "reference"; }

inline nlohmann::json read_reference_json(const std::string& file) {
    std::ifstream in(shared_reference_dir() / file);
    if (!in) throw std::runtime_error("cannot open reference file " + (shared_reference_dir() / file).string());
    return nlohmann::json::parse(in);
}

}  // namespace cohesion::test
