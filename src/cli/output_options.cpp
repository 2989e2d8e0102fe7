#include "cli/output_options.hpp"

#include <iostream>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/error.hpp"
#include "geo/layer_writer.hpp"
#include "render/atomic_file.hpp"

namespace cohesion::cli {

void add_output_options(CLI::App& command, OutputOptionValues& v) {
    command.add_option("--format", v.format, "Output format: table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->default_val("table")
        ->group("Output");
    command.add_option("--output,-o", v.outputs,
                       "Write results to this file (.csv, .json; .geojson/.gpkg or PG:... for per-area results with "
                       "polygons); written whole or not at all; repeat to write several formats from one run")
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

OutputFormat format_of(const std::string& path, const OutputOptionValues& v, const CLI::App& command) {
    if (command.count("--format") == 0) {
        if (path.ends_with(".csv")) return OutputFormat::csv;
        if (path.ends_with(".json")) return OutputFormat::json;
    }
    return parse_output_format(v.format);
}

// All outputs, or none: `layer` is null where the command has no polygons to write.
void write_outputs(const std::vector<ResultTable>& results, const ResultTable* per_area, const AreaLayer* layer,
                   const OutputOptionValues& v, const CLI::App& command) {
    if (v.outputs.empty()) {
        std::cout << render_results(results, parse_output_format(v.format)) << std::flush;
        return;
    }
    // Refuse before writing anything, so that one bad name does not leave half the outputs.
    for (const auto& path : v.outputs)
        if (is_layer_output(path) && !layer)
            throw Error(fmt::format("--output {}: `{}` writes no per-area map layer here (give --boundaries where the "
                                    "command offers it, or write .csv or .json)",
                                    path, command.get_name()));
    for (const auto& path : v.outputs) {
        if (is_layer_output(path)) write_result_layer(*per_area, *layer, path, command.get_name());
        else write_file_atomically(path, render_results(results, format_of(path, v, command)));
    }
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
