#pragma once
// A whole study of any local authority of England and Wales from the national tables in
// the shared data folder — `cohesion run --town NAME` — so any council's report is one
// command, no project file needed. The project it builds (printed by `run --town NAME
// --dry-run` as commands) is the bundled Bedford project's, at LSOA level (the national
// polygons are LSOAs): the 2011 table of the town summed to LSOAs with the national table
// as the reference; 2011 → 2021 on the 2021 LSOAs in five broad groups; Census 2021
// targeting on the town's output areas, mapped on LSOAs.
#include <string>

#include "io/table_files.hpp"
#include "project/project_file.hpp"

namespace cohesion {

// `data` is the shared data folder (ew2011_oa_ethnicity.csv.gz, ew2021_lsoa/, ew2021_oa/,
// ew_boundaries/, lookups/); `schemes` holds the broad-group schemes (data/schemes). The
// town is any LAD name or code, any case (atlas/town_directory); an unknown name is an
// error listing the nearest names.
// `files` (may be null) keeps the national table parsed for the study that follows.
Project national_town_project(const std::string& data, const std::string& schemes, const std::string& town,
                              TableFiles* files = nullptr);

}  // namespace cohesion
