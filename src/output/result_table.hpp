#pragma once
// ResultTable — what an analysis hands to a renderer: named columns of text or
// numbers plus provenance notes. Renderers (table, CSV, JSON) only format; they
// never compute. One shape for every command keeps --format uniform.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cohesion {

using Cell = std::variant<std::monostate, std::string, double, std::int64_t>;  // monostate = missing

// What a column holds, so a report can show it in people's words ("2.0 %", "0.68",
// "12,460") without guessing from its name. Set by the analysis that builds the table;
// the data files (CSV/JSON) ignore it. `unknown`: the report falls back to a dictionary of
// known column names (report/display_table.hpp).
enum class ColumnKind { unknown, text, group, count, share, index, p_value, rank, points, metres, number };

struct ResultTable {
    std::string title;
    // Short snake_case name of the table ("areas", "enclaves"), stable across data: a
    // command writing several tables to CSV writes one file per table, NAME.<name>.csv
    // (output/output_files.hpp), because pandas and R read one table per file.
    std::string name;
    // One plain-English sentence of what the table found ("3 enclaves of Pakistani
    // residents, largest: E02003262"), said on stderr next to the files written.
    std::string headline;
    std::vector<std::string> notes;  // provenance: input, filters, unit totals, seed, ...
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;
    // The column a map of this per-area table shows (first column: area code), chosen by the
    // analysis that built it, so a report draws it without knowing column names; -1 = none.
    int map_column = -1;
    // The column ranking the rows (1 = first: highest priority, fastest change), so a report
    // can show the top rows of a long table; -1 = none (table order).
    int rank_column = -1;
    // Per column (may be shorter than `columns`, or empty): what it holds, for the report.
    std::vector<ColumnKind> column_kinds;

    void add_row(std::vector<Cell> row) { rows.push_back(std::move(row)); }
    // Set map_column / rank_column to `column`, which must be one of `columns` (set them first).
    void show_on_map(std::string_view column);
    void ranked_by(std::string_view column);
    // Sets the kind of `column` (one of `columns`).
    void set_kind(std::string_view column, ColumnKind kind);
    ColumnKind kind_of(std::size_t column) const {
        return column < column_kinds.size() ? column_kinds[column] : ColumnKind::unknown;
    }
};

enum class OutputFormat { table, csv, json };
OutputFormat parse_output_format(const std::string& text);

std::string render_table(const ResultTable& result);  // aligned text for a terminal
std::string cell_display(const Cell& cell);            // one cell as the terminal table shows it
double cell_number(const Cell& cell);                  // numeric cells as double, anything else NaN
std::string render_csv(const ResultTable& result);    // RFC 4180, notes omitted
std::string render_json(const ResultTable& result);   // {"title","notes","columns","rows":[{...}]}
// One table as above; several as one JSON array, so the output stays one document.
std::string render_json(const std::vector<ResultTable>& results);
std::string render(const ResultTable& result, OutputFormat format);

}  // namespace cohesion
