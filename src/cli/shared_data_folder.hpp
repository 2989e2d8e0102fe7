#pragma once
// Where the national tables are: the folder given (e.g. --data), else
// $COHESION_SHARED_DATA, else ../shared/data — one rule for every command that reads them.
#include <cstdlib>
#include <string>

namespace cohesion::cli {

inline std::string shared_data_folder(const std::string& given = "") {
    if (!given.empty()) return given;
    if (const char* env = std::getenv("COHESION_SHARED_DATA"); env && *env) return env;
    return "../shared/data";
}

}  // namespace cohesion::cli
