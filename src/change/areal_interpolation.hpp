#pragma once
// Areal-weighted interpolation: moving counts between two boundary sets that no lookup
// links (Goodchild & Lam 1980; the "extensive" case of pysal tobler's area_interpolate).
//
//   c_t,g = Σ_s w_st c_s,g,   w_st = |s ∩ t| / Σ_t' |s ∩ t'|
//
// i.e. each source area's people are spread over the target areas it overlaps in
// proportion to the overlap areas. The denominator is the part of s covered by targets
// (not |s|), so every group's total is preserved exactly even where the two layers'
// coastlines or generalisations differ; how much of each source was uncovered is reported.
//
// Dasymetric variant (Eicher & Brewer 2001, with points as the ancillary layer): when a
// finer population layer is supplied (e.g. output-area populations at their centroids),
// w_st = P(s ∩ t) / P(s), the share of the finer population of s that lies in t; sources
// that hold no finer population fall back to area weights (counted in the report).
#include <functional>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "geo/area_layer.hpp"

namespace cohesion {

struct PopulationPoints {
    std::string source;
    std::vector<double> x, y;  // projected, the CRS of the layers
    std::vector<double> population;
};

struct ArealInterpolationOptions {
    bool allow_unmatched = false;                 // drop (and count) table areas without a polygon or overlap
    const PopulationPoints* dasymetric = nullptr; // finer population for dasymetric weights
    // (done, total) in source polygons overlaid with the targets (the slow part), 1, 2, ...,
    // total in order; may be empty.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

struct ArealInterpolationReport {
    std::size_t source_areas = 0, target_areas = 0;
    std::size_t without_polygon = 0, without_overlap = 0;  // table areas dropped (only when allowed)
    double dropped_people = 0.0;
    std::vector<std::string> dropped_examples;
    std::size_t partly_covered = 0;   // sources with < 99 % of their area inside the targets
    double least_coverage = 1.0;      // smallest covered share of a source area
    std::size_t overlapping = 0;      // sources whose target overlaps add up to > 101 % of their area
    std::size_t overlap_pairs = 0;
    std::size_t dasymetric_sources = 0, area_fallback_sources = 0;
    std::size_t points_outside = 0;   // dasymetric points in no source or no target area
    std::size_t repaired_intersections = 0;
    std::vector<std::string> lines() const;
};

struct ArealInterpolated {
    Table table;  // one row per target area, in target-layer order
    ArealInterpolationReport report;
};

// `table` areas are matched to `source` polygons by code; `target` must be in the same CRS.
ArealInterpolated areal_interpolate(const Table& table, const AreaLayer& source, const AreaLayer& target,
                                    const ArealInterpolationOptions& options = {});

}  // namespace cohesion
