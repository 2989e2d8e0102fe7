#pragma once
// ResultTable — what an analysis hands to a renderer: named columns of text or
// numbers plus provenance notes. Renderers (table, CSV, JSON) only format; they
// never compute. One shape for every command keeps --format uniform.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cohesion {

using Cell = std::variant<std::monostate, std::string, double, std::int64_t>;  // monostate = missing

struct ResultTable {
    std::string title;
    std::vector<std::string> notes;  // provenance: input, filters, unit totals, seed, ...
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;

    void add_row(std::vector<Cell> row) { rows.push_back(std::move(row)); }
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
