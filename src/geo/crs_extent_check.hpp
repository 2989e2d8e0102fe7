#pragma once
// Does a layer's extent fit the coordinate reference system it declares?
//
// Why: a file of longitude/latitude labelled British National Grid loads "fine" —
// every polygon becomes a speck a few centimetres across somewhere off Cornwall,
// distances shrink by five orders of magnitude, and a segregation profile at 250 m
// returns 1.7e-05 instead of 0.654 with exit status 0. The declared CRS cannot be
// verified, but some mismatches are unmistakable from the extent alone.
#include <string>

class OGRSpatialReference;

namespace cohesion {

struct Extent {
    double min_x, min_y, max_x, max_y;
};

// Throws a cohesion::Error naming `source`, its `layer` and what looks wrong when
//  - a projected CRS's whole extent lies within ±180 / ±90 and spans under 10 units
//    (degrees mistaken for metres), or
//  - a British National Grid (EPSG:27700) layer lies outside 0..700,000 E,
//    0..1,300,000 N (the grid's area, Great Britain and its islands).
void check_extent_fits_crs(const Extent& extent, const OGRSpatialReference& crs, const std::string& source,
                           const std::string& layer);

}  // namespace cohesion
