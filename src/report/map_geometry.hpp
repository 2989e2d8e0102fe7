#pragma once
// Area polygons simplified for drawing: Douglas–Peucker at half a unit of the drawing (a point
// of the PDF, a pixel of the SVG), rounded down to a power of two of the layer's units, made
// once per (layer, tolerance) and shared by every map a document draws, in every render.
//
// Why: a census map is tens of thousands of vertices, many of them closer than the pen's width
// at report scale, and writing them (and compressing the PDF's) is most of drawing a map; with
// them simplified Bedford's PDF is 518 kB instead of 652 kB and its run 4 % shorter. Half a
// unit is below what a printer or a screen shows, at 400 dpi too (the images were compared); the
// data files keep every vertex. Rounding the tolerance to a power of two lets the PDF's maps and
// the HTML's, drawn at nearly the same scale, share one simplification.
// Source: Douglas, D. H. & Peucker, T. K. (1973). Algorithms for the reduction of the number of
// points required to represent a digitized line or its caricature. Cartographica 10(2), 112–122
// (GEOS's DouglasPeuckerSimplifier, through OGRGeometry::Simplify).
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "geo/area_layer.hpp"

namespace cohesion {

class MapGeometryMemo {
public:
    using Polygons = std::vector<std::unique_ptr<OGRGeometry>>;
    // `layer`'s polygons for a map drawn at `units_per_metre`; thread-safe. The layer must
    // outlive the memo (a document's layers outlive the document).
    const Polygons& polygons(const AreaLayer& layer, double units_per_metre);

private:
    struct Entry {
        std::once_flag made;
        Polygons polygons;
    };
    std::mutex lock_;
    std::map<std::pair<const AreaLayer*, int>, std::shared_ptr<Entry>> entries_;
};

}  // namespace cohesion
