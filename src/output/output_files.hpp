#pragma once
// The files one --output names: one CSV per table, and a notes sidecar beside it.
//
// Why: CSV holds one table per file (pandas.read_csv and R's read.csv fail on several
// tables with different columns stacked in one file), so a command whose result is
// several tables writes `NAME.csv` as `NAME.<table>.csv`, one per table, the table part
// being ResultTable::name ("areas", "enclaves"; `table2` where unnamed). A command with
// one table writes `NAME.csv` itself. The rule is the same for every command.
//
// Notes (seeds, repairs, estimated counts, dropped areas, interval method) are part of
// a result but a CSV or map layer has no place for them, so every file output gets
// `NAME.notes.txt` beside it (NAME = the file name without its extension).
#include <string>
#include <vector>

#include "output/result_table.hpp"

namespace cohesion {

// `out/x.csv` and "areas" -> `out/x.areas.csv`.
std::string per_table_path(const std::string& path, const std::string& table_name);
// The file name a table of `results` gets from a CSV --output `path`: `path` itself for
// a single table, else per_table_path with the table's name (or "tableK", 1-based).
std::vector<std::string> csv_table_paths(const std::string& path, const std::vector<ResultTable>& results);
// `out/x.csv` -> `out/x.notes.txt`.
std::string notes_sidecar_path(const std::string& path);
// The sidecar's text: what wrote it (`command_line`), then each table's title and notes.
std::string render_notes(const std::vector<ResultTable>& results, const std::string& command_line);
// The one line said on stderr about what a command found: the first headline set, else
// the first table's title and its number of rows.
std::string result_headline(const std::vector<ResultTable>& results);

}  // namespace cohesion
