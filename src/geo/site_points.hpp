#pragma once
// Points for hub siting, in the projected CRS of an AreaLayer (metres):
// - the point on surface of each area (always inside the polygon, unlike a centroid of
//   a crescent-shaped area), as demand points or default candidate sites;
// - candidate sites from a CSV of `name,lon,lat` (WGS 84), or point features of any OGR
//   source (named by a `name` field), e.g. community centres, libraries, places of worship. A site outside every area of the layer is an error
//   naming it, unless allowed: a hub outside the study area serves no one in it.
#include <string>
#include <vector>

#include "geo/area_layer.hpp"
#include "core/point2.hpp"

namespace cohesion {

struct NamedSite {
    std::string name;
    Point2 point;                // projected, metres
    double lon = 0.0, lat = 0.0;
};

std::vector<NamedSite> area_points_on_surface(const AreaLayer& layer);
// `study`: the layer features of the study area (e.g. one town in a national layer); a site
// must lie in one of them (every feature when null) unless allowed.
std::vector<NamedSite> load_candidate_sites(const std::string& path, const AreaLayer& layer, bool allow_outside,
                                            const std::vector<std::size_t>* study = nullptr);
// One point per area where its people are (e.g. ONS population-weighted centroids): a CSV
// of `area,lon,lat` (or `code`/`name` for the area column) or point features whose area
// code field is found as for boundaries (area_code_field: LSOA21CD ..., code, id). Named by code.
std::vector<NamedSite> load_demand_points(const std::string& path, const AreaLayer& layer);

}  // namespace cohesion
