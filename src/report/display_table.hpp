#pragma once
// The display step at the report's edge: a ResultTable as people read it in the HTML and
// PDF report. The data files (CSV/JSON/GeoPackage) keep column names, group codes, full
// precision and fractions; the report shows column headings in words ("Share of
// residents"), census group labels ("White British" for WhiteBrit), shares as percentages
// ("2.0 %"), counts with thousands separators, indices to 3 decimals, float noise
// (|x| < 1e-9) as 0, interval pairs merged into one column ("0.671–0.689"), years instead
// of A/B, and notes without the build machine's absolute paths.
//
// What a column holds comes from ResultTable::column_kinds when the analysis set it; for
// other tables from a dictionary of the column names the analyses use; an unknown column
// keeps its values and gets its snake_case name in words.
#include <cstddef>
#include <string>
#include <vector>

#include "output/result_table.hpp"

namespace cohesion {

struct DisplayOptions {
    // The censuses' years, shown for A/B and the _a/_b suffixes ("" = "earlier"/"later").
    std::string earlier, later;
    // Absolute paths in notes and provenance are shown relative to this folder when under
    // it, else as the file name ("" = the working directory).
    std::string base_folder;
};

struct DisplayTable {
    std::string title;
    std::vector<std::string> headings;
    std::vector<char> numeric;  // per column: right-aligned (numbers), never wrapped in the PDF
    std::vector<std::vector<std::string>> rows;  // at most the requested number of rows
    std::size_t total_rows = 0;                   // rows of the whole table
    std::vector<std::string> notes;
};

DisplayTable display_table(const ResultTable& t, std::size_t max_rows, const DisplayOptions& options = {});

// One value as the report shows a column of this kind (numbers; text passes through, and
// group codes become their short census label).
std::string display_value(const Cell& cell, ColumnKind kind);
// A column name in words ("share_b" → "Share 2021" with options.later = "2021").
std::string display_heading(const std::string& column, const DisplayOptions& options = {});
// `text` with every absolute path shortened (relative to options.base_folder, else the file name).
std::string display_paths(const std::string& text, const DisplayOptions& options = {});

}  // namespace cohesion
