#include "output/result_table.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace cohesion {

namespace {

int column_position(const ResultTable& t, std::string_view column) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c] == column) return static_cast<int>(c);
    throw std::logic_error("internal: table '" + t.name + "' has no column " + std::string(column));
}

}  // namespace

void ResultTable::show_on_map(std::string_view column) { map_column = column_position(*this, column); }
void ResultTable::ranked_by(std::string_view column) { rank_column = column_position(*this, column); }

void ResultTable::set_kind(std::string_view column, ColumnKind kind) {
    const auto c = static_cast<std::size_t>(column_position(*this, column));
    if (column_kinds.size() <= c) column_kinds.resize(columns.size(), ColumnKind::unknown);
    column_kinds[c] = kind;
}

namespace {

// Shortest text that reads back to the same double, so CSV/JSON lose nothing.
std::string exact_number(double v) {
    if (std::isnan(v)) return "NaN";
    return fmt::format("{}", v);
}

std::string cell_text(const Cell& cell, bool for_terminal) {
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return for_terminal ? "-" : "";
            else if constexpr (std::is_same_v<T, std::string>) return v;
            else if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
            else return for_terminal ? (std::isnan(v) ? "-" : fmt::format("{:.6g}", v)) : exact_number(v);
        },
        cell);
}

std::string csv_escape(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string cell_display(const Cell& cell) { return cell_text(cell, true); }

double cell_number(const Cell& cell) {
    if (const auto* d = std::get_if<double>(&cell)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*i);
    return std::numeric_limits<double>::quiet_NaN();
}

OutputFormat parse_output_format(const std::string& text) {
    if (text == "table") return OutputFormat::table;
    if (text == "csv") return OutputFormat::csv;
    if (text == "json") return OutputFormat::json;
    throw Error(Field{"format"}, "unknown format '" + text + "'; expected table, csv or json");
}

std::string render_table(const ResultTable& result) {
    std::vector<std::size_t> width(result.columns.size());
    std::vector<std::vector<std::string>> text;
    for (std::size_t c = 0; c < result.columns.size(); ++c) width[c] = result.columns[c].size();
    for (const auto& row : result.rows) {
        auto& line = text.emplace_back();
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
            line.push_back(cell_text(row[c], true));
            width[c] = std::max(width[c], line.back().size());
        }
    }
    std::string out;
    if (!result.title.empty()) out += result.title + "\n";
    for (const auto& note : result.notes) out += "  " + note + "\n";
    if (!result.title.empty() || !result.notes.empty()) out += "\n";
    auto emit = [&](const std::vector<std::string>& cells, bool header) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const bool numeric = !header && !result.rows.empty() &&
                                 !std::holds_alternative<std::string>(result.rows.front()[c]);
            out += c ? "  " : "";
            out += numeric ? fmt::format("{:>{}}", cells[c], width[c]) : fmt::format("{:<{}}", cells[c], width[c]);
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += "\n";
    };
    emit(result.columns, true);
    std::string rule;
    for (std::size_t c = 0; c < width.size(); ++c) rule += (c ? "  " : "") + std::string(width[c], '-');
    out += rule + "\n";
    for (const auto& line : text) emit(line, false);
    return out;
}

std::string render_csv(const ResultTable& result) {
    std::string out;
    for (std::size_t c = 0; c < result.columns.size(); ++c) out += (c ? "," : "") + csv_escape(result.columns[c]);
    out += "\n";
    for (const auto& row : result.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csv_escape(cell_text(row[c], false));
        out += "\n";
    }
    return out;
}

std::string render_json(const ResultTable& result) {
    nlohmann::ordered_json doc;
    doc["title"] = result.title;
    doc["notes"] = result.notes;
    doc["columns"] = result.columns;
    auto rows = nlohmann::ordered_json::array();
    for (const auto& row : result.rows) {
        nlohmann::ordered_json obj = nlohmann::ordered_json::object();
        for (std::size_t c = 0; c < row.size() && c < result.columns.size(); ++c) {
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) obj[result.columns[c]] = nullptr;
                    else if constexpr (std::is_same_v<T, double>) {
                        if (std::isfinite(v)) obj[result.columns[c]] = v;
                        else obj[result.columns[c]] = nullptr;  // JSON has no NaN
                    } else obj[result.columns[c]] = v;
                },
                row[c]);
        }
        rows.push_back(std::move(obj));
    }
    doc["rows"] = std::move(rows);
    return doc.dump(2) + "\n";
}

std::string render_json(const std::vector<ResultTable>& results) {
    if (results.size() == 1) return render_json(results.front());
    std::string text = "[\n";
    for (std::size_t k = 0; k < results.size(); ++k) {
        std::string part = render_json(results[k]);
        while (!part.empty() && part.back() == '\n') part.pop_back();
        text += part + (k + 1 < results.size() ? ",\n" : "\n");
    }
    return text + "]\n";
}

std::string render(const ResultTable& result, OutputFormat format) {
    switch (format) {
        case OutputFormat::table: return render_table(result);
        case OutputFormat::csv: return render_csv(result);
        case OutputFormat::json: return render_json(result);
    }
    return {};
}

}  // namespace cohesion
