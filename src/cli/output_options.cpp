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
    command.add_option("--output,-o", v.output,
                       "Write results to this file (.csv, .json; .geojson/.gpkg or PG:... for per-area results with "
                       "polygons); written whole or not at all")
        ->group("Output");
}

void emit(const std::vector<ResultTable>& results, const OutputOptionValues& v, const CLI::App& command) {
    OutputFormat format = parse_output_format(v.format);
    if (!v.output.empty() && is_layer_output(v.output))
        throw Error(fmt::format("--output {}: `{}` writes no per-area map layer here (give --boundaries where the "
                                "command offers it, or write .csv or .json)",
                                v.output, command.get_name()));
    if (!v.output.empty() && command.count("--format") == 0) {
        if (v.output.ends_with(".csv")) format = OutputFormat::csv;
        else if (v.output.ends_with(".json")) format = OutputFormat::json;
    }
    std::string text;
    if (format == OutputFormat::json) {
        text = render_json(results);
    } else {
        for (std::size_t k = 0; k < results.size(); ++k) {
            if (k) text += format == OutputFormat::csv ? "\n" : "\n\n";
            text += render(results[k], format);
        }
    }
    if (v.output.empty()) std::cout << text << std::flush;
    else write_file_atomically(v.output, text);
}

}  // namespace cohesion::cli

namespace cohesion::cli {

void emit_spatial(const std::vector<ResultTable>& results, const ResultTable& per_area, const AreaLayer& layer,
                  const OutputOptionValues& v, const CLI::App& command) {
    if (!v.output.empty() && is_layer_output(v.output)) {
        write_result_layer(per_area, layer, v.output, command.get_name());
        return;
    }
    emit(results, v, command);
}

void emit_with_boundaries(const std::vector<ResultTable>& results, const std::string& boundaries,
                          const AreaLayerOptions& layer, const OutputOptionValues& v, const CLI::App& command) {
    if (boundaries.empty()) return emit(results, v, command);
    emit_spatial(results, results.back(), load_area_layer(boundaries, layer), v, command);
}

}  // namespace cohesion::cli
