#pragma once
// Turns a TownProfile (and the areas' polygons) into the report's document: key figures,
// composition, who lives most apart, and maps of where — laid out like the 2017 Bedford
// study. Change-over-time and targeting results join as extra sections.
#include <string>
#include <vector>

#include "analysis/town_profile.hpp"
#include "geo/area_layer.hpp"
#include "geo/place_layer.hpp"
#include "report/report_document.hpp"

namespace cohesion {

struct TownReportInput {
    std::string town;                 // e.g. "Bedford"
    const TownProfile* profile = nullptr;
    const AreaLayer* layer = nullptr;          // the table's areas in table order (subset_layer); null: no maps
    const PlaceLayer* places = nullptr;        // place names on the maps (e.g. wards, same CRS); null: none
    std::string reference_name;                // e.g. "England & Wales" ("" = none)
    std::vector<std::string> source_files;
    std::string command, version, generated;
    std::vector<ReportSection> extra_sections;  // e.g. change over time, targeting
    std::vector<std::string> findings;          // the first section: findings in sentences (study/findings)
    std::vector<std::string> findings_sections; // per finding: the section behind it (linked)
};

ReportDocument town_report(const TownReportInput& input);

// Map decorations shared by the town maps and the report's extra sections.
// Place labels at the places' centres, the most populous places first (population of
// the `layer` areas each place covers most of), so that when labels collide the
// smaller place's is the one dropped.
std::vector<MapLabel> place_labels(const PlaceLayer& places, const AreaLayer& layer,
                                   const std::vector<double>& population);
// A box around the areas `focus` (indices into `layer`), widened by a quarter on each side
// and to at least `min_size_m` across: the closer view of where the findings are.
std::optional<MapExtent> focus_extent(const AreaLayer& layer, const std::vector<std::size_t>& focus,
                                      double min_size_m = 3000.0);

// Lines the Open Government Licence asks for, for census data and ONS/OS boundaries.
std::vector<std::string> ogl_attribution();
// The short line printed under every map.
std::string map_attribution();

}  // namespace cohesion
