#pragma once
// The 2011 → 2021 change of every local authority, on harmonised geography, with its
// Shapley parts — the atlas's `change` table.
//
// Why these inputs: Census 2021 ethnic group exists for the whole country only as five
// broad groups (TS021 high-level categories; LSOA counts in ew2021_lsoa/, OA percentages in
// ew2021_oa/), while 2011 has 14. The common grouping is the 2011 table aggregated onto the
// five broad groups by the bundled scheme data/schemes/ethnicity2011_broad5.csv (Gypsy or
// Irish Traveller, the residual of Persons, counted as White), and the 2021 groups renamed
// by ethnicity2021_broad5.csv. The common geography is the 2021 LSOAs: each 2011 LSOA is
// moved through the ONS LSOA 2011 → 2021 lookup (splits shared in proportion to the 2021
// LSOA populations; change/lookup_harmonisation.hpp).
//
// Per LAD (a 2011 LAD of the national OA table), exactly what `cohesion run --town NAME`'s
// change step computes for that town (study/study.cpp load_study_change): the LAD's 2011
// LSOAs harmonised onto the 2021 LSOAs they map to, the 2021 counts of those LSOAs, and
// Theil's M in each year with the Shapley decomposition of ΔM into group-composition,
// area-size and structural parts plus additions and removals (Elbers 2021;
// change/mutual_difference.hpp). The five parts add up to ΔM exactly.
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "change/lookup_harmonisation.hpp"
#include "change/mutual_difference.hpp"
#include "core/table.hpp"

namespace cohesion {

struct AtlasChangeSources {
    std::string earlier;         // 2011 OA table, e.g. ew2011_oa_ethnicity.csv.gz
    std::string earlier_scheme;  // 2011 groups → broad groups
    std::string later;           // 2021 LSOA counts, ts021_ethnic5_lsoa.csv.gz
    std::string later_scheme;    // 2021 groups → the same names
    std::string lookup;          // LSOA 2011 → 2021 (lsoa11_code, lsoa21_code, change_code)
    std::vector<std::string> earlier_where;  // LEVEL=VALUE filters of the 2011 table (e.g. the atlas's --where)
};

// The files in the shared data folder `data` and the scheme folder `schemes` (data/schemes).
AtlasChangeSources atlas_change_sources(const std::string& data, const std::string& schemes);

// Everything read once for the whole country.
struct AtlasChangeInputs {
    Table earlier;                                   // 2011 LSOAs, broad groups, with the unit level
    Table later;                                     // 2021 LSOAs, the same groups
    GeographyLookup lookup;
    std::unordered_map<std::string, double> weights;  // 2021 LSOA populations (split rule)
    std::string unit_level = "LAD";
    std::vector<std::string> notes;
};
AtlasChangeInputs load_atlas_change_inputs(const AtlasChangeSources& sources, const std::string& unit_level = "LAD",
                                           const std::string& lsoa_level = "LSOA");

struct AtlasChange {
    std::string name;                // the LAD
    std::size_t areas = 0;           // 2021 LSOAs of the common geography
    double people_earlier = 0.0, people_later = 0.0;
    MutualDifference difference;     // M1, M2, diff and the Shapley parts (per-area detail dropped)
    double H1 = 0.0, H2 = 0.0;       // M / entropy of the year's group shares
    std::string reason;              // why there is no value (e.g. the LAD has no areas in the 2011 table)
};

// One row per name in `names` (LAD names of the earlier table), on this process's threads.
std::vector<AtlasChange> compute_atlas_change(const AtlasChangeInputs& inputs, const std::vector<std::string>& names,
                                              const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace cohesion
