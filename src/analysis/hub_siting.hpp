#pragma once
// Where integration hubs should go: demand from the Census 2021 OA tables at each area's
// point on surface, candidate sites given or every area, and a facility-location model
// (p-median, maximal covering, set covering — targeting/facility_location) solved
// exactly by CBC or by the heuristics. Distances are straight lines in the layer's CRS.
#include <functional>
#include <string>
#include <vector>

#include "geo/area_layer.hpp"
#include "geo/site_points.hpp"
#include "io/census_topics.hpp"
#include "output/result_table.hpp"

namespace cohesion {

struct HubSitingOptions {
    std::string demand = "need";  // need (TS029), accession (TS004) or residents (TS001)
    std::string model = "maximal-covering";
    std::size_t p = 3;
    double distance = 800.0;      // service distance, metres
    std::string solver = "auto";  // auto, exact or heuristic
    double time_limit = 60.0;
    std::string candidates;        // sites file (CSV name,lon,lat or a point layer); empty: every study area's point
    bool allow_outside = false;    // accept candidate sites outside the study areas
    std::vector<NamedSite> demand_points;  // by area code (e.g. population-weighted centroids);
    std::string demand_points_label;       // areas without one use their point on surface
    // (done, total) in solver stages, as solve_location counts them (targeting/facility_location.hpp);
    // a fallback from CBC to the heuristic counts again from 1. May be empty.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// Tables: the chosen hubs, then every area with its nearest hub (the map layer).
std::vector<ResultTable> hub_siting(const CensusTopics& census, const AreaLayer& layer, const HubSitingOptions& options);

}  // namespace cohesion
