#include "core/table_from_arrays.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/error.hpp"

namespace cohesion {

namespace {

// The CSV reader's wording (io/csv_reader.cpp parse_count) for the same faults.
void check_count(double v, const std::string& source, std::size_t row, const std::string& column) {
    if (std::isnan(v)) throw Error(Location{source, row + 1, column}, "missing value (expected a non-negative count)");
    if (!std::isfinite(v))
        throw Error(Location{source, row + 1, column},
                    fmt::format("'{}' is not a finite number (expected a non-negative count)", v));
    if (v < 0) throw Error(Location{source, row + 1, column}, fmt::format("negative count {} (expected a non-negative count)", v));
}

}  // namespace

Table table_from_columns(TableColumns c) {
    const std::size_t n = c.area_codes.size();
    if (n == 0) throw Error(Location{c.source, 0, {}}, "no data rows");
    if (c.group_names.empty())
        throw Error(Location{c.source, 0, {}}, "no group columns found (expected numeric count columns; name them with groups=)");
    if (!c.counts) throw Error("internal: no counts");
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& code = c.area_codes[i];
        if (code.empty()) throw Error(Location{c.source, i + 1, c.id_column}, "empty area code");
        const auto [it, inserted] = seen.try_emplace(code, i + 1);
        if (!inserted)
            throw Error(Location{c.source, i + 1, c.id_column},
                        "duplicate area code '" + code + "' (first seen on line " + std::to_string(it->second) + ")");
    }
    Table table(std::move(c.area_codes), c.group_names);
    for (std::size_t g = 0; g < c.group_names.size(); ++g) {
        auto column = table.column(g);
        const double* from = c.counts + g * c.column_stride;
        for (std::size_t i = 0; i < n; ++i) {
            const double v = from[i * c.row_stride];
            check_count(v, c.source, i, c.group_names[g]);
            column[i] = v;
        }
    }
    if (!c.total_name.empty()) {
        if (c.totals.size() != n) throw Error("internal: totals do not match the areas");
        const std::vector<double> sums = table.group_sum();
        for (std::size_t i = 0; i < n; ++i) {
            const double v = c.totals[i];
            check_count(v, c.source, i, c.total_name);
            // As the wide CSV loader: a total below the groups' sum is not one population.
            if (v + 1e-9 * std::max(1.0, v) < sums[i])
                throw Error(Location{c.source, i + 1, c.total_name},
                            fmt::format("total {} is less than the sum of the group columns ({})", v, std::to_string(sums[i])));
        }
        table.set_declared_total(c.total_name, std::vector<double>(c.totals.begin(), c.totals.end()));
    }
    table.set_source(c.source);
    for (auto& level : c.levels) table.add_level(std::move(level));
    return table;
}

}  // namespace cohesion
