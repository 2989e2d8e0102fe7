#pragma once
// Long ("tidy") CSV loader: one row per (area, group, count).
// Missing (area, group) combinations are zero counts — the usual meaning of a
// sparse long table; a repeated (area, group) pair is an error.
#include <string>

#include "core/table.hpp"

namespace cohesion {

struct LongCsvOptions {
    std::string area_column;   // empty = a column named area/code/geography code/unit (any case), else the 1st
    std::string group_column;  // empty = a column named group/category (any case), else the 2nd
    std::string count_column;  // empty = a column named count/value/n (any case), else the 3rd
    bool operator==(const LongCsvOptions&) const = default;
};

Table load_long_csv(const std::string& path, const LongCsvOptions& options = {});
Table parse_long_csv(std::string_view text, const std::string& name, const LongCsvOptions& options = {});

}  // namespace cohesion
