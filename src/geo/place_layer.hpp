#pragma once
// PlaceLayer — named places (wards, towns, neighbourhoods) as polygons, so that maps can
// be labelled and findings named by place ("Queens Park") rather than by area code. Any
// vector layer with a name field works: ONS ward boundaries (WD13NM ...), a council's
// neighbourhood layer.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/area_layer.hpp"

namespace cohesion {

// The place found for each area already asked about, by CRS and area code (with the area's
// centroid, so another polygon under the same code is not taken for it). A report asks for
// the same areas many times (the town map, the findings, every section map and its
// subsets), and each answer costs a polygon overlay.
struct PlaceOfAreaMemo {
    struct Known {
        double centroid_x, centroid_y;
        std::string place;
    };
    std::mutex lock;
    std::map<std::string, std::unordered_map<std::string, Known>> by_crs;
};

struct PlaceLayer {
    AreaLayer areas;                 // polygons, projected to the CRS asked for
    std::vector<std::string> names;  // one per polygon, in layer order
    std::string name_field;
    std::shared_ptr<PlaceOfAreaMemo> memo = std::make_shared<PlaceOfAreaMemo>();
};

// The name field: `wanted` if given, else the first field ending in "NM" (ONS layers:
// WD13NM, LAD21NM; not the Welsh ...NMW), else one called name/NAME. Throws Error naming
// the fields when there is none. `target_crs` is the CRS of the layer the places label.
PlaceLayer load_place_layer(const std::string& source, const std::string& target_crs,
                            const std::string& wanted_name_field = "");

// For each area of `areas`, the name of the place covering most of its surface ("" when
// none overlaps): polygon overlaps (geo/area_overlaps.hpp), both layers in one CRS. Answers
// are kept in the place layer's memo (thread-safe), so asking again, or for a subset of the
// same areas, costs no overlay.
std::vector<std::string> place_of_areas(const AreaLayer& areas, const PlaceLayer& places);

// One place file for several maps: read and projected once per CRS the maps use (a report's
// town map and its LSOA section maps), not once per map. Empty `source`: no places (null).
class PlaceLayers {
public:
    explicit PlaceLayers(std::string source) : source_(std::move(source)) {}
    const PlaceLayer* in_crs(const std::string& crs);

private:
    std::string source_;
    std::map<std::string, PlaceLayer> by_crs_;  // std::map: pointers survive later loads
};

}  // namespace cohesion
