#pragma once
// TableInput — everything a user says about an input table (which file, which
// layout, which columns, which areas and groups), applied in one fixed order:
//   load -> --percent-of -> --levels-from -> --where filters -> --aggregate -> --residual -> --merge -> --scheme -> --groups.
// The CLI, the server and the report all build tables through this one function.
#include <cstdint>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "io/long_csv_loader.hpp"
#include "io/ons_bulk_loader.hpp"
#include "io/wide_csv_loader.hpp"

namespace cohesion {

enum class InputLayout { automatic, wide, long_format, ons_bulk };
InputLayout parse_input_layout(const std::string& text);
std::string to_string(InputLayout layout);

struct TableInput {
    std::string path;
    InputLayout layout = InputLayout::automatic;
    WideCsvOptions wide;
    LongCsvOptions long_format;
    OnsBulkOptions ons;
    std::string category_map_path;        // ONS: long name -> short name CSV
    std::string percent_of;               // totals table: the groups are percentages of its total
    std::string percent_total_column = "total";
    std::string levels_from;              // lookup CSV adding hierarchy levels by area code
    std::vector<std::string> where;       // "LEVEL=VALUE", all must hold
    std::string aggregate_to;             // level name
    std::vector<std::string> merges;      // "NAME=A+B"
    std::string residual_name;            // add total - Σ groups as this group
    std::string scheme_path;              // group scheme CSV (io/group_scheme.hpp)
    std::vector<std::string> groups;      // keep only these groups (after merges)
};

Table load_table(const TableInput& input);
// load_table in its two parts: the file as parsed (layout and column options) ...
Table read_table_file(const TableInput& input);
// ... and the rest of the pipeline (--percent-of onwards) on a parsed file.
Table prepare_table(Table parsed, const TableInput& input);

// How many table files this process has parsed (read_table_file calls, also through
// load_table): `cohesion run` records it to show each input is read once.
std::uint64_t tables_loaded();

// What layout a header suggests: ONS bulk if it has "geography code", long if it
// has group and count columns, else wide.
InputLayout detect_layout(std::string_view text);

}  // namespace cohesion
