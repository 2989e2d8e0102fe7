#pragma once
// Figures of the report — choropleth maps, bar charts with intervals and line charts with
// bands — described as
// data and drawn with cairo onto any surface: SVG for the HTML report (text turned into
// paths, so the file needs no fonts or network) and vector pages of the PDF. Figures
// only draw what they are given; the numbers come from the analyses.
#include <cairo.h>

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "geo/area_layer.hpp"
#include "report/map_geometry.hpp"
#include "report/palette.hpp"

class OGRGeometry;

namespace cohesion {

// A place name drawn on a map at (x, y), projected coordinates of the layer.
struct MapLabel {
    double x = 0.0, y = 0.0;
    std::string text;
};
// A zone (an enclave, a licensing zone) drawn as its dissolved outline, with its name.
struct MapOutline {
    std::shared_ptr<const OGRGeometry> geometry;  // projected, as the layer
    std::string label;
    Rgb colour{0.1, 0.1, 0.1};
};
// A point (an integration hub) drawn as a marker, with a ring at its service distance.
struct MapMarker {
    double x = 0.0, y = 0.0, ring_m = 0.0;  // ring_m 0 = no ring
    std::string label;
};
struct MapExtent {
    double min_x = 0.0, min_y = 0.0, max_x = 0.0, max_y = 0.0;
};

struct MapFigure {
    std::string title, legend_title, caption;
    const AreaLayer* layer = nullptr;
    // Numeric map: one value per layer feature (NaN = no data), classed by natural breaks
    // (or quantiles) into a viridis ramp.
    std::vector<double> values;
    bool quantiles = false;
    std::size_t classes = 5;
    bool percent = false;  // legend shows values × 100 with %
    // Categorical map (when `values` is empty): one label per feature ("" = none), and
    // the legend's labels and colours in order.
    std::vector<std::string> categories;
    std::vector<std::pair<std::string, Rgb>> category_colours;
    std::string attribution;
    // Where things are: place names (drawn in the given order, most important first, with a
    // halo; a label that would overlap one already drawn, or leave the map, is skipped),
    // zone outlines with labels, and point markers with service rings.
    std::vector<MapLabel> places;
    std::vector<MapOutline> outlines;
    std::string outline_legend;  // what the outlines are, e.g. "enclaves" ("" = their names)
    std::vector<MapMarker> markers;
    std::optional<MapExtent> extent;  // zoom to this box (projected); default: every polygon
};

struct BarChartFigure {
    std::string title, axis_label, caption;
    std::vector<std::string> labels;
    std::vector<double> values;
    std::vector<double> lower, upper;   // interval per bar (empty or NaN = none)
    std::vector<double> reference;      // marker per bar, e.g. England & Wales (empty or NaN = none)
    std::string reference_label;
    bool percent = false;
};

// Lines over years with a shaded band each (e.g. an index trajectory per scenario with the
// 5th–95th percentiles across model runs).
struct LineSeries {
    std::string label;
    std::vector<double> x, value, lower, upper;  // lower/upper empty = no band
};
struct LineChartFigure {
    std::string title, axis_label, caption;
    std::vector<LineSeries> series;
    std::string band_label;  // what the bands are, for the key
};

using Figure = std::variant<MapFigure, BarChartFigure, LineChartFigure>;

const std::string& figure_title(const Figure& figure);
const std::string& figure_caption(const Figure& figure);
// Maps take their polygons from `memo` when given (simplified for drawing, shared by a
// document's renders), else draw every vertex.
void draw_figure(cairo_t* cr, const Figure& figure, double width, double height, MapGeometryMemo* memo = nullptr);
// cairo write callback appending to the std::string passed as closure (SVG and PDF streams).
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);
// The figure as a standalone SVG document (cairo SVG surface), `width` × `height` points.
std::string figure_svg(const Figure& figure, double width, double height, MapGeometryMemo* memo = nullptr);

}  // namespace cohesion
