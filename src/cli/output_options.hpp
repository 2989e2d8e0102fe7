#pragma once
// --format and --output, shared by every command that prints results.
#include <CLI/CLI.hpp>

#include "geo/area_layer.hpp"
#include "output/result_table.hpp"

namespace cohesion::cli {

struct OutputOptionValues {
    std::string format = "table";
    std::vector<std::string> outputs;  // files (each in the format its extension names); none = stdout
    bool quiet = false;                // written to files: do not repeat the notes on stderr
};

void add_output_options(CLI::App& command, OutputOptionValues& values);
// --boundaries and --code-field for commands whose polygons only serve map output
// (`-o x.gpkg`); see emit_with_boundaries.
void add_map_output_options(CLI::App& command, std::string& boundaries, AreaLayerOptions& layer);
// Renders and writes to stdout or (atomically) to each --output file. A file's format
// follows its extension (.csv, .json, .txt) unless --format was given; another
// extension is an error. Outputs that are inputs of the command, or the same file
// twice, are refused before anything is written. Written to files, the results'
// notes are repeated on stderr unless --quiet.
void emit(const std::vector<ResultTable>& results, const OutputOptionValues& values, const CLI::App& command);
// Same, but an --output ending in .geojson or .gpkg (or a PG: connection) gets the
// per-area table `per_area` joined to the layer's polygons instead.
void emit_spatial(const std::vector<ResultTable>& results, const ResultTable& per_area, const AreaLayer& layer,
                  const OutputOptionValues& values, const CLI::App& command);
// emit, or — when `boundaries` is given — emit_spatial with its polygons and the last
// result as the per-area table (commands whose --boundaries only serve map output).
void emit_with_boundaries(const std::vector<ResultTable>& results, const std::string& boundaries,
                          const AreaLayerOptions& layer, const OutputOptionValues& values, const CLI::App& command);

}  // namespace cohesion::cli
