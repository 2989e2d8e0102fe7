#pragma once
// The national table of the 2021 atlas (`cohesion atlas --census 2021`): every 2021 output
// area of England and Wales with the five broad ethnic groups of Census 2021, and the
// levels the atlas uses.
//
// Why estimated counts: TS021 at OA level is published (in the shared data) only as rounded
// percentages of the five high-level groups, so counts are the percentages times the OA's
// usual residents (TS001), scaled by each OA's percentage sum (io/percentage_counts.hpp) —
// fractional estimates, said in the table's history and the atlas notes.
//
// Levels: those of the OA → LSOA → MSOA → LAD lookup (oa2021_lookup.csv.gz: lsoa21cd,
// msoa21cd, lad22cd, lad22nm, …) plus copies under the names the atlas and `--where` use
// (LSOA, MSOA, LAD = the 2022 LTLA name, LAD_CODE) and RGN. The 2021 lookup has no
// region, so each LTLA's region is the region (of the 2011 LSOA table) of most of the 2011
// LSOAs the LSOA 2011 → 2021 lookup assigns to it; local authorities nest in regions, so
// this is exact.
#include <string>

#include "atlas/town_directory.hpp"
#include "core/table.hpp"

namespace cohesion {

// `data` is the shared data folder (ew2021_oa/, ew2011_lsoa_ethnicity.csv.gz, lookups/).
Table load_census2021_atlas_table(const std::string& data);

// Names (LAD), codes (LAD_CODE) and regions (RGN) of such a table: every 2021 LTLA has its code.
TownDirectory census2021_town_directory(const Table& table);

}  // namespace cohesion
