#pragma once
// A map of one column of per-area results (a study step's, or a layer an earlier command
// wrote, first field `area`), for the report's extra sections: the pace of change, ESOL need, hub catchments, licensing
// zones. People should be able to place what they see, so the map carries place names
// (when a place layer is given), zones outlined and named (a text column with few
// values: licensing zones), and hubs as markers with their service distance as a ring (a
// text column whose values are the layer's own area codes: the hub sites).
#include <string>

#include "geo/area_layer.hpp"
#include "geo/layer_column.hpp"
#include "geo/place_layer.hpp"
#include "report/figure.hpp"

namespace cohesion {

struct SectionMapOptions {
    const PlaceLayer* places = nullptr;  // in the CRS of the mapped layer (null: no names)
    double hub_distance_m = 0.0;         // ring around hub markers (0 = none)
};

// A map of one column (values by area code) on `layer`: a study step's areas, or a layer an
// earlier command wrote (`report --section-map`); `layer` must outlive the figure.
MapFigure section_map(const std::string& title, const AreaLayer& layer, const LayerColumn& values,
                      const std::string& column, const SectionMapOptions& options = {});

// What a known output column shows, in words (captions); the column name otherwise.
std::string column_description(const std::string& column);

}  // namespace cohesion
