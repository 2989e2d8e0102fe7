#pragma once
// Which candidate sites reach which demand points within a service distance, found
// with a nanoflann k-d tree over the candidates (one radius query per demand point),
// kept both ways: by demand point and by site. Used by the covering models.
#include <cstddef>
#include <vector>

#include "targeting/facility_location.hpp"

namespace cohesion {

struct Coverage {
    std::vector<std::vector<std::size_t>> sites_of;   // per demand point: candidates within reach
    std::vector<std::vector<std::size_t>> points_of;  // per candidate: demand points it reaches
};

Coverage find_coverage(const std::vector<Point2>& demand, const std::vector<Point2>& candidates, double distance);

}  // namespace cohesion
