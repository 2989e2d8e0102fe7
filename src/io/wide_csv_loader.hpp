#pragma once
// Wide CSV loader: one row per area, one column per group (plus id, level and total columns).
// Reads .csv and .csv.gz (detected by the gzip magic bytes, not the extension).
#include <string>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct WideCsvOptions {
    std::string id_column;                    // empty = the first column
    std::vector<std::string> group_columns;   // empty = every numeric column except id/total/levels
    std::vector<std::string> level_columns;   // empty = every non-numeric column except id
    std::string total_column;                 // empty = auto: a column named total/persons (any case), if any;
                                              // "-" = none
    bool operator==(const WideCsvOptions&) const = default;
};

Table load_wide_csv(const std::string& path, const WideCsvOptions& options = {});
// Same, from text already in memory; `name` is used in messages.
Table parse_wide_csv(std::string_view text, const std::string& name, const WideCsvOptions& options = {});

}  // namespace cohesion
