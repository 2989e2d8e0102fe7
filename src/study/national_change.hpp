#pragma once
// England & Wales between the censuses, for the findings' change sentence ("while it rose
// across England and Wales (0.150 to 0.165)"): Theil's M of the five broad groups in 2011
// and in 2021 on the common geography of the 2021 LSOAs — the 2011 LSOA table mapped onto
// the five groups by data/schemes/ethnicity2011_broad5.csv (Gypsy or Irish Traveller, the
// residual of Persons, counted as White) and moved through the ONS LSOA 2011 → 2021 lookup
// (splits shared by 2021 population), the 2021 LSOA counts (TS021) named by
// ethnicity2021_broad5.csv. The same construction as a town's change step and the atlas's
// change table (atlas/atlas_change.hpp), on the whole country.
//
// Reading and harmonising the national tables takes about 0.3 s (BENCHMARKS.md), so the result is
// computed once per process and folder and kept (a server answers every later request
// from memory).
#include <optional>
#include <string>

namespace cohesion {

struct NationalChange {
    double M_earlier = 0.0, M_later = 0.0;
    std::string source;  // where the numbers came from (files), for notes
};

// From `shared_data` (the shared data folder: ew2011_lsoa_ethnicity.csv.gz,
// ew2021_lsoa/ts021_ethnic5_lsoa.csv.gz, lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz) and
// `schemes` (the repository's data/schemes); nullopt when any file is missing.
std::optional<NationalChange> national_change(const std::string& shared_data, const std::string& schemes);

}  // namespace cohesion
