#include "cli/output_options.hpp"

#include <filesystem>
#include <iostream>
#include <algorithm>
#include <optional>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/invocation.hpp"
#include "cli/output_clashes.hpp"
#include "cli/progress_bar.hpp"
#include "cli/standard_output.hpp"
#include "core/error.hpp"
#include "geo/layer_writer.hpp"
#include "output/atomic_file.hpp"
#include "output/output_files.hpp"
#include "output/whole_counts.hpp"

namespace cohesion::cli {

void add_output_options(CLI::App& command, OutputOptionValues& v) {
    command.add_option("--format", v.format, "Output format: table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->default_val("table")
        ->group("Output");
    command.add_option("--output,-o", v.outputs,
                       "Write results to this file (.csv, .json, .txt; .geojson/.gpkg or PG:... for per-area results "
                       "with polygons; other extensions need --format); written whole or not at all; symbolic links "
                       "are followed, devices and FIFOs written in place; repeat to write several formats from one run. "
                       "CSV holds one table per file: where the results are several tables, NAME.csv is written as "
                       "NAME.TABLE.csv, one per table (e.g. x.areas.csv). Every file gets its notes beside it in "
                       "NAME.notes.txt (seed, repairs, estimated counts, dropped areas)")
        ->group("Output");
    command.add_flag("--quiet,-q", v.quiet,
                     "Say nothing on standard error but errors: no progress, no notes (dropped people, unit "
                     "totals, seeds; still in NAME.notes.txt) and no line saying what was written")
        ->each([](const std::string&) { set_progress_quiet(true); })
        ->group("Output");
}

void add_map_output_options(CLI::App& command, std::string& boundaries, AreaLayerOptions& layer) {
    command.add_option("--boundaries", boundaries,
                       "Polygons of the areas (any OGR source), to write the per-area table as a map layer with "
                       "--output .geojson/.gpkg")
        ->group("Output");
    command.add_option("--code-field", layer.code_field, "Area-code field of --boundaries (default: auto)")
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
std::string notes_for_stderr(const std::vector<ResultTable>& results) {
    std::set<std::string> said;
    std::string text;
    for (const auto& r : results)
        for (const auto& n : r.notes)
            if (said.insert(n).second) text += "note: " + n + "\n";
    return text;
}

// Every file one --output stands for: its CSV tables (one per table), or the file itself.
std::vector<std::string> files_of(const std::string& path, const std::vector<ResultTable>& results,
                                  const OutputOptionValues& v, const CLI::App& command) {
    if (is_layer_output(path) || resolve_output(path).in_place) return {path};
    if (format_of(path, v, command) == OutputFormat::csv) return csv_table_paths(path, results);
    return {path};
}

// The notes sidecar of a file output; none for devices, descriptors and PostGIS.
std::optional<std::string> sidecar_of(const std::string& path) {
    if (path.rfind("PG:", 0) == 0 || resolve_output(path).in_place) return std::nullopt;
    return notes_sidecar_path(path);
}

// A layer's extras chosen from its columns: the value QGIS colours by default, and the
// zone column whose members are dissolved into a second layer.
LayerExtras layer_extras(const ResultTable& per_area, const std::vector<ResultTable>& results) {
    LayerExtras e;
    for (const auto& r : results) e.notes.insert(e.notes.end(), r.notes.begin(), r.notes.end());
    const auto has = [&](const char* c) {
        return std::find(per_area.columns.begin(), per_area.columns.end(), c) != per_area.columns.end();
    };
    for (const char* zone : {"enclave", "zone"})
        if (has(zone)) {
            e.zone_column = zone;
            break;
        }
    for (const char* c : {"hot_spot", "cluster", "status", "enclave", "zone", "priority", "score", "pace", "hub",
                          "type", "local_segregation", "share", "value"})
        if (has(c)) {
            e.style_column = c;
            break;
        }
    if (e.style_column.empty() && per_area.columns.size() > 1) e.style_column = per_area.columns.back();
    return e;
}

// All outputs, or none: `layer` is null where the command has no polygons to write.
void write_outputs(const std::vector<ResultTable>& given, const ResultTable* per_area_given, const AreaLayer* layer,
                   const OutputOptionValues& v, const CLI::App& command) {
    // Counts as integers in every output (whole_counts.hpp).
    std::vector<ResultTable> results = given;
    for (auto& r : results) store_whole_counts(r);
    std::optional<ResultTable> per_area;
    if (per_area_given) {
        per_area = *per_area_given;
        store_whole_counts(*per_area);
    }
    if (v.outputs.empty()) {
        write_standard_output(render_results(results, parse_output_format(v.format)));
        return;
    }
    // Refuse before writing anything, so that one bad name does not leave half the outputs.
    std::vector<NamedOutput> named;
    std::vector<std::string> sidecars;
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
        for (const auto& file : files_of(path, results, v, command)) named.push_back({"--output", file});
        if (const auto sidecar = sidecar_of(path);
            sidecar && std::find(sidecars.begin(), sidecars.end(), *sidecar) == sidecars.end())
            sidecars.push_back(*sidecar);
    }
    for (const auto& sidecar : sidecars) named.push_back({"--output", sidecar});
    refuse_clashing_outputs(command, named);
    std::vector<std::string> written;
    for (const auto& path : v.outputs) {
        if (is_layer_output(path)) {
            write_result_layer(*per_area, *layer, path, command.get_name(), layer_extras(*per_area, results));
            written.push_back(path);
            continue;
        }
        const auto format = format_of(path, v, command);
        const auto files = files_of(path, results, v, command);
        if (files.size() > 1) {
            for (std::size_t k = 0; k < files.size(); ++k) write_file_atomically(files[k], render(results[k], format));
        } else {
            write_file_atomically(path, render_results(results, format));
        }
        written.insert(written.end(), files.begin(), files.end());
    }
    const std::string notes = render_notes(results, invocation().empty() ? "cohesion " + command.get_name()
                                                                         : invocation());
    for (const auto& sidecar : sidecars) write_file_atomically(sidecar, notes);
    written.insert(written.end(), sidecars.begin(), sidecars.end());
    if (v.quiet) return;
    // What was written and what it found, in one line after the notes: a log then says where
    // the results went without opening them. One write under a lock: the steps of a run write
    // side by side, and their lines must not interleave.
    const std::string said = notes_for_stderr(results) + fmt::format("cohesion {}: wrote {}: {}\n", command.get_name(),
                                                                    fmt::join(written, ", "), result_headline(results));
    static std::mutex stderr_lock;
    const std::lock_guard<std::mutex> hold(stderr_lock);
    std::cerr << said << std::flush;
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
