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
// Resolves the parsed strings into values.input (the TableInput a Study or load_table takes).
const TableInput& resolve_input(InputOptionValues& values);

// The second table of commands that pair two tables (compare, change): B positional
// plus --where-b, --merge-b, --scheme-b, --groups-b, --layout-b.
struct SecondTableValues {
    std::string path;  // empty = A's file
    std::vector<std::string> where, merges;
    std::string scheme, groups_csv, layout = "auto";
};

void add_second_table_options(CLI::App& command, SecondTableValues& values, const std::string& path_help,
                              bool path_required);
// B is read with A's options when it is A's file (e.g. two towns of one table), else with
// its own. Given --merge-b or --scheme-b and no --groups-b, B keeps A's groups in A's order,
// so renamed groups line up.
Table load_second_table(const InputOptionValues& a_values, const Table& a, const SecondTableValues& b);

}  // namespace cohesion::cli
