#pragma once
// A map of one column of per-area results (a study step's, or a layer an earlier command
// wrote, first field `area`), for the report's extra sections: the pace of change, ESOL need, hub catchments, licensing
// zones. People should be able to place what they see, so the map carries place names
// (when a place layer is given), zones outlined and named (a text column with few
// values: licensing zones), and hubs as markers with their service distance as a ring (a
// text column whose values are the layer's own area codes: the hub sites). Hubs are named
// in words, "Hub 1: Queens Park" (the place of the hub's area, else its site), numbered
// and ordered as in the hubs table; the per-area data files keep the codes.
#include <string>

#include "geo/area_layer.hpp"
#include "geo/layer_column.hpp"
#include "geo/place_layer.hpp"
#include "report/figure.hpp"

namespace cohesion {

struct SectionMapOptions {
    const PlaceLayer* places = nullptr;  // in the CRS of the mapped layer (null: no names)
    double hub_distance_m = 0.0;         // ring around hub markers (0 = none)
    // Hub maps: each area's hub number (the per-area table's `hub` column), which numbers
    // and orders the hubs as the hubs table does; null: numbered in the order of their sites.
    const LayerColumn* hub_numbers = nullptr;
};

// A map of one column (values by area code) on `layer`: a study step's areas, or a layer an
// earlier command wrote (`report --section-map`); `layer` must outlive the figure.
MapFigure section_map(const std::string& title, const AreaLayer& layer, const LayerColumn& values,
                      const std::string& column, const SectionMapOptions& options = {});

// What a known output column shows, in words (captions); the column name otherwise.
std::string column_description(const std::string& column);

}  // namespace cohesion
