#pragma once
// The input options every table-reading command shares (one definition, so
// --where, --merge, ... mean the same everywhere).
#include <CLI/CLI.hpp>

#include "io/table_input.hpp"

namespace cohesion::cli {

struct InputOptionValues {
    TableInput input;
    std::string layout = "auto";
    std::string ons_level = "leaf";
    std::string groups_csv;  // comma-separated
    std::string levels_csv;
    std::string select_csv;
};

// Adds FILE (positional) and the table options; `positional_name` lets compare add two.
void add_input_options(CLI::App& command, InputOptionValues& values, const std::string& positional_name = "FILE",
                       bool positional = true);
// Resolves the parsed strings into a TableInput and loads it.
Table load_input(InputOptionValues& values);

}  // namespace cohesion::cli
