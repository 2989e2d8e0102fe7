#pragma once
// Turns a TownProfile (and the areas' polygons) into the report's document: key figures,
// composition, who lives most apart, and maps of where — laid out like the 2017 Bedford
// study. Change-over-time and targeting results join as extra sections.
#include <string>
#include <vector>

#include "analysis/town_profile.hpp"
#include "geo/area_layer.hpp"
#include "report/report_document.hpp"

namespace cohesion {

struct TownReportInput {
    std::string town;                 // e.g. "Bedford"
    const TownProfile* profile = nullptr;
    const AreaLayer* layer = nullptr;          // the table's areas in table order (subset_layer); null: no maps
    std::string reference_name;                // e.g. "England & Wales" ("" = none)
    std::vector<std::string> source_files;
    std::string command, version, generated;
    std::vector<ReportSection> extra_sections;  // e.g. change over time, targeting
    std::vector<std::string> findings;          // the first section: findings in sentences (study/findings)
};

ReportDocument town_report(const TownReportInput& input);

// Lines the Open Government Licence asks for, for census data and ONS/OS boundaries.
std::vector<std::string> ogl_attribution();
// The short line printed under every map.
std::string map_attribution();

}  // namespace cohesion
