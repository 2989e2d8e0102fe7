#pragma once
// The national choropleth page `cohesion atlas` writes beside its tables (atlas.html): one
// self-contained HTML file — the LAD polygons as inline SVG, every measure and group of the
// atlas embedded as data, a small inline script to choose the measure and group, a legend
// in plain words and a table sortable by any column — so a researcher can open the atlas
// in a browser without a server or network. Colours are the report's classification
// (report/classification: natural breaks on the viridis ramp), computed here per measure
// and group, so the page, the report and the dashboard colour the same numbers alike.
#include <string>

#include "atlas/atlas_folder.hpp"

namespace cohesion {

// Polygons from atlas.polygons (simplified with GEOS at 250 m); without them the page has
// the table only.
std::string atlas_page_html(const AtlasFolder& atlas);

}  // namespace cohesion
