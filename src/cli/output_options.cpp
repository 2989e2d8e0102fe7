#include "cli/output_options.hpp"

#include <filesystem>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "cli/output_clashes.hpp"
#include "cli/standard_output.hpp"
#include "core/error.hpp"
#include "geo/layer_writer.hpp"
#include "output/atomic_file.hpp"

namespace cohesion::cli {

void add_output_options(CLI::App& command, OutputOptionValues& v) {
    command.add_option("--format", v.format, "Output format: table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->default_val("table")
        ->group("Output");
    command.add_option("--output,-o", v.outputs,
                       "Write results to this file (.csv, .json, .txt; .geojson/.gpkg or PG:... for per-area results "
                       "with polygons; other extensions need --format); written whole or not at all; symbolic links "
                       "are followed, devices and FIFOs written in place; repeat to write several formats from one run")
        ->group("Output");
    command.add_flag("--quiet,-q", v.quiet,
                     "When writing to files, do not repeat the results' notes (dropped people, unit totals, seeds) "
                     "on standard error")
        ->group("Output");
}

namespace {

std::string render_results(const std::vector<ResultTable>& results, OutputFormat format) {
    if (format == OutputFormat::json) return render_json(results);
    std::string text;
    for (std::size_t k = 0; k < results.size(); ++k) {
        if (k) text += format == OutputFormat::csv ? "\n" : "\n\n";
        text += render(results[k], format);
    }
    return text;
}

// The format of one --output: --format when given, else the extension. An unknown
// extension is an error, so `-o results.xlsx` does not quietly get a text table.
OutputFormat format_of(const std::string& path, const OutputOptionValues& v, const CLI::App& command) {
    if (command.count("--format") > 0) return parse_output_format(v.format);
    if (path.ends_with(".csv")) return OutputFormat::csv;
    if (path.ends_with(".json")) return OutputFormat::json;
    if (path.ends_with(".txt")) return OutputFormat::table;
    // A device, FIFO or descriptor (/dev/null, /dev/stdout, a named pipe) has no extension
    // to go by; it gets --format's default, the aligned table.
    if (resolve_output(path).in_place) return parse_output_format(v.format);
    const auto name = std::filesystem::path(path).filename().string();
    const auto dot = name.rfind('.');
    throw Error(Location{path, 0, "--output"},
                (dot == std::string::npos || dot == 0 ? std::string("has no file extension")
                                                      : "unknown file extension '" + name.substr(dot) + "'") +
                    "; expected .csv, .json or .txt (aligned table), or .geojson, .gpkg or PG:... for a per-area map "
                    "layer where the command has polygons; or give --format");
}

// Notes (who was dropped, unit totals, seeds) are part of the result; written to a
// file they are easy to miss, so they are repeated on standard error.
void repeat_notes_on_stderr(const std::vector<ResultTable>& results) {
    std::set<std::string> said;
    for (const auto& r : results)
        for (const auto& n : r.notes)
            if (said.insert(n).second) std::cerr << "note: " << n << "\n";
}

// All outputs, or none: `layer` is null where the command has no polygons to write.
void write_outputs(const std::vector<ResultTable>& results, const ResultTable* per_area, const AreaLayer* layer,
                   const OutputOptionValues& v, const CLI::App& command) {
    if (v.outputs.empty()) {
        write_standard_output(render_results(results, parse_output_format(v.format)));
        return;
    }
    // Refuse before writing anything, so that one bad name does not leave half the outputs.
    std::vector<NamedOutput> named;
    for (const auto& path : v.outputs) {
        if (path.rfind("PG:", 0) != 0) resolve_output(path);  // a folder, a missing folder, a special file
        if (is_layer_output(path)) {
            if (!layer)
                throw Error(fmt::format("--output {}: `{}` writes no per-area map layer here (give --boundaries where "
                                        "the command offers it, or write .csv or .json)",
                                        path, command.get_name()));
        } else {
            format_of(path, v, command);
        }
        named.push_back({"--output", path});
    }
    refuse_clashing_outputs(command, named);
    for (const auto& path : v.outputs) {
        if (is_layer_output(path)) write_result_layer(*per_area, *layer, path, command.get_name());
        else write_file_atomically(path, render_results(results, format_of(path, v, command)));
    }
    if (!v.quiet) repeat_notes_on_stderr(results);
}

}  // namespace

void emit(const std::vector<ResultTable>& results, const OutputOptionValues& v, const CLI::App& command) {
    write_outputs(results, nullptr, nullptr, v, command);
}

void emit_spatial(const std::vector<ResultTable>& results, const ResultTable& per_area, const AreaLayer& layer,
                  const OutputOptionValues& v, const CLI::App& command) {
    write_outputs(results, &per_area, &layer, v, command);
}

void emit_with_boundaries(const std::vector<ResultTable>& results, const std::string& boundaries,
                          const AreaLayerOptions& layer, const OutputOptionValues& v, const CLI::App& command) {
    if (boundaries.empty()) return emit(results, v, command);
    emit_spatial(results, results.back(), load_area_layer(boundaries, layer), v, command);
}

}  // namespace cohesion::cli
