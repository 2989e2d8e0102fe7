#pragma once
// How much of each area of one layer lies in each area of another: the polygon
// intersection areas (GEOS) of every pair whose envelopes meet (found with a GEOS
// STR-tree), computed in parallel. The basis of areal-weighted interpolation between
// two boundary sets (e.g. LSOA 2011 → LSOA 2021), and of locating points in areas.
#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

#include "geo/area_layer.hpp"

namespace cohesion {

struct AreaOverlap {
    std::size_t source = 0, target = 0;
    double area_m2 = 0.0;  // area of source ∩ target
};

struct AreaOverlaps {
    std::vector<AreaOverlap> pairs;      // sorted by source, then target; only positive areas
    std::vector<double> source_area_m2;  // polygon areas as GEOS measures them
    std::vector<double> target_area_m2;
    std::size_t repaired_intersections = 0;  // pairs that needed a snapped (1 cm grid) overlay
};

// Both layers must be in the same projected CRS (load the target with the source's CRS).
// `progress` (may be empty) is told (done, total) in source areas overlaid, 1, 2, ...,
// total in order (counted under a lock, from the worker threads): the overlays are the
// slow part of areal interpolation.
using OverlapProgress = std::function<void(std::size_t done, std::size_t total)>;
AreaOverlaps area_overlaps(const AreaLayer& source, const AreaLayer& target, const OverlapProgress& progress = {});

inline constexpr std::size_t no_area = std::numeric_limits<std::size_t>::max();

// The area containing each point (projected coordinates of the layer), or no_area.
std::vector<std::size_t> locate_points(const AreaLayer& layer, const std::vector<double>& x,
                                       const std::vector<double>& y);

}  // namespace cohesion
