#pragma once
// TownDirectory and resolve_town — turning what a person types ("bedford", "E06000055",
// "Kingston upon Hull, City of") into one local authority of the national tables.
//
// Why a directory: the 2011 OA table names its 348 local authorities (LAD column) but has no
// codes, and the boundaries and 2021 tables use codes. The directory pairs each LAD name of a
// table with its ONS code through the LSOA 2011 → 2021 lookup (ltla22_code, equal to the
// 2021 LTLA codes of ew_boundaries/ltla2021.gpkg): a 2011 LAD gets the code of the 2022
// authority holding most of its LSOAs when at least 95% of that authority is this LAD
// (so minor boundary changes keep a code; mergers do not). Authorities merged between 2011 and 2021
// (e.g. Forest Heath + St Edmundsbury → West Suffolk) keep their 2011 name and no code; the
// directory records which 2021 authority they became (`became`), so maps can say so.
//
// resolve_town matches case-insensitively on the name or the code, and on no match throws
// an Error naming the nearest names (edit distance), so a typo is easy to fix. The result
// carries the `--where` filter that selects the town's areas, the one the lead's
// `run/report --town` and the atlas use.
#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct TownEntry {
    std::string name;    // as in the table's LAD level, e.g. "Bedford"
    std::string code;    // ONS code (2021 LTLA) when the 2011 LAD survives (near enough) unchanged; else ""
    std::string became;  // "West Suffolk (E07000245)" for a 2011 LAD merged by 2021; else ""
    std::string region;  // as in the table's region level, when it has one
};

struct TownDirectory {
    std::string level = "LAD";  // the table level holding the names
    std::vector<TownEntry> towns;  // in first-appearance order of the table
};

struct TownSelection {
    std::string code;   // may be empty (see TownEntry::code)
    std::string name;
    std::string where;  // "LAD=Bedford": the filter (core/table_operations filter_areas) selecting its areas
};

// Names (and regions, from `region_level` when present) of `level` in `table`; codes from the
// LSOA 2011 → 2021 lookup CSV (columns lsoa11_code, ltla22_name, ltla22_code) matched through
// the table's `lsoa_level` labels. `lookup_path` empty = no codes.
TownDirectory make_town_directory(const Table& table, const std::string& lookup_path, const std::string& level = "LAD",
                                  const std::string& lsoa_level = "LSOA", const std::string& region_level = "RGN");

// The town named `name` (name or code, any case, surrounding spaces ignored). Throws Error
// listing the nearest names when nothing matches.
TownSelection resolve_town(const TownDirectory& directory, std::string_view name);

}  // namespace cohesion
