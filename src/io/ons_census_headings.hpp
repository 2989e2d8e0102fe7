#pragma once
// The Census 2021 topic tables as ONS publishes them (census2021-ts029-oa.csv, headings
// like "Proficiency in English language: Main language is English (English or Welsh in
// Wales)") mapped to the short column names of the renamed tables the targeting analyses
// read (ts029.csv: main_english, ...). With the map, `target --census FOLDER` reads a
// folder of bulk downloads as they come, without renaming by hand.
//
// Keys are the headings without the table name and without "; measures: Value", as
// OnsBulkOptions::rename expects; the total is always named "total".
#include <map>
#include <string>

namespace cohesion {

// The map for topic `stem` (ts001, ts004, ts029, ts054); empty for another topic (its
// columns then get names made from the headings).
std::map<std::string, std::string> ons_census_headings(const std::string& stem);

}  // namespace cohesion
