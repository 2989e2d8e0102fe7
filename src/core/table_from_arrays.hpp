#pragma once
// A Table from columns already in memory (a pandas DataFrame handed over by the Python
// package, or any program that has its counts in arrays), checked as strictly as the
// CSV loaders check a file and with the same messages, so a bad cell reads the same
// whether it came from a file or a data frame. `line` in an error is the 1-based row.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct TableColumns {
    std::string source = "DataFrame";      // for messages and Table::source()
    std::string id_column = "id";          // for messages
    std::vector<std::string> area_codes;
    std::vector<std::string> group_names;
    // counts of group g in area i at counts[i * row_stride + g * column_stride] (a numpy
    // array's strides in elements), so C- and Fortran-ordered arrays are read in place.
    const double* counts = nullptr;
    std::size_t row_stride = 0, column_stride = 0;
    std::string total_name;                // empty = no declared total
    std::span<const double> totals;
    std::vector<Level> levels;
};

Table table_from_columns(TableColumns columns);

}  // namespace cohesion
