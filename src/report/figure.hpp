#pragma once
// Figures of the report — choropleth maps and bar charts with intervals — described as
// data and drawn with cairo onto any surface: SVG for the HTML report (text turned into
// paths, so the file needs no fonts or network) and vector pages of the PDF. Figures
// only draw what they are given; the numbers come from the analyses.
#include <cairo.h>

#include <string>
#include <variant>
#include <vector>

#include "geo/area_layer.hpp"
#include "report/palette.hpp"

namespace cohesion {

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

using Figure = std::variant<MapFigure, BarChartFigure>;

const std::string& figure_title(const Figure& figure);
const std::string& figure_caption(const Figure& figure);
void draw_figure(cairo_t* cr, const Figure& figure, double width, double height);
// cairo write callback appending to the std::string passed as closure (SVG and PDF streams).
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);
// The figure as a standalone SVG document (cairo SVG surface), `width` × `height` points.
std::string figure_svg(const Figure& figure, double width, double height);

}  // namespace cohesion
