#include "report/figure.hpp"

#include <cairo-svg.h>
#include <fmt/format.h>
#include <ogr_api.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "report/cairo_text.hpp"
#include "report/classification.hpp"

namespace cohesion {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

void set_colour(cairo_t* cr, const Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void text(cairo_t* cr, double x, double y, const std::string& label, double size, bool bold = false,
          double align = 0.0) {
    const std::string s = valid_utf8(label);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    cairo_move_to(cr, x - align * e.x_advance, y);
    cairo_show_text(cr, s.c_str());
}

std::string number(double v, bool percent) {
    if (percent) return fmt::format("{:.1f}%", 100.0 * v);
    if (std::abs(v) >= 100) return fmt::format("{:.0f}", v);
    return fmt::format("{:.3g}", v);
}

// Every polygon ring of a geometry, as paths in map coordinates.
void add_rings(cairo_t* cr, OGRGeometryH g, double x0, double y0, double scale, double height) {
    const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type == wkbPolygon) {
        for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) {
            OGRGeometryH ring = OGR_G_GetGeometryRef(g, r);
            const int n = OGR_G_GetPointCount(ring);
            for (int k = 0; k < n; ++k) {
                const double px = (OGR_G_GetX(ring, k) - x0) * scale, py = height - (OGR_G_GetY(ring, k) - y0) * scale;
                k == 0 ? cairo_move_to(cr, px, py) : cairo_line_to(cr, px, py);
            }
            cairo_close_path(cr);
        }
        return;
    }
    for (int c = 0; c < OGR_G_GetGeometryCount(g); ++c) add_rings(cr, OGR_G_GetGeometryRef(g, c), x0, y0, scale, height);
}

void draw_map(cairo_t* cr, const MapFigure& f, double width, double height) {
    if (!f.layer || f.layer->size() == 0) throw Error("map figure without polygons");
    const AreaLayer& layer = *f.layer;
    const bool numeric = !f.values.empty();
    if ((numeric && f.values.size() != layer.size()) || (!numeric && f.categories.size() != layer.size()))
        throw Error("map figure: one value per polygon is needed");
    OGREnvelope box, part;
    for (std::size_t k = 0; k < layer.size(); ++k) {
        layer.geometry[k]->getEnvelope(&part);
        box.Merge(part);
    }
    const double legend_w = 150.0, top = 24.0, bottom = 30.0;
    const double map_w = width - legend_w - 10.0, map_h = height - top - bottom;
    const double scale = std::min(map_w / (box.MaxX - box.MinX), map_h / (box.MaxY - box.MinY));
    text(cr, 0, 16, f.title, 13, true);

    std::vector<Rgb> colour(layer.size(), no_data_colour);
    std::vector<std::pair<std::string, Rgb>> legend;
    if (numeric) {
        const auto breaks = f.quantiles ? quantile_breaks(f.values, f.classes) : natural_breaks(f.values, f.classes);
        const auto ramp = viridis(breaks.size() > 1 ? breaks.size() - 1 : 1);
        for (std::size_t k = 0; k < layer.size(); ++k) {
            const int c = class_of(f.values[k], breaks);
            if (c >= 0) colour[k] = ramp[static_cast<std::size_t>(c)];
        }
        for (std::size_t c = 0; c + 1 < breaks.size(); ++c)
            legend.emplace_back(number(breaks[c], f.percent) + " – " + number(breaks[c + 1], f.percent), ramp[c]);
        if (std::any_of(f.values.begin(), f.values.end(), [](double v) { return !std::isfinite(v); }))
            legend.emplace_back("no data", no_data_colour);
    } else {
        for (std::size_t k = 0; k < layer.size(); ++k)
            for (const auto& [label, c] : f.category_colours)
                if (label == f.categories[k]) colour[k] = c;
        legend = f.category_colours;
        legend.emplace_back("other / none", no_data_colour);
    }

    cairo_save(cr);
    cairo_translate(cr, 0, top);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_width(cr, 0.3);
    for (std::size_t k = 0; k < layer.size(); ++k) {
        cairo_new_path(cr);
        add_rings(cr, OGRGeometry::ToHandle(layer.geometry[k].get()), box.MinX, box.MinY, scale, map_h);
        set_colour(cr, colour[k]);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_stroke(cr);
    }
    // Scale bar: a round length near a fifth of the map's width.
    const double target = (box.MaxX - box.MinX) / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    double metres = magnitude;
    for (double m : {2.0, 5.0, 10.0})
        if (magnitude * m <= target) metres = magnitude * m;
    const double bar = metres * scale;
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_rectangle(cr, 4, map_h + 8, bar, 4);
    cairo_fill(cr);
    text(cr, 4 + bar + 4, map_h + 13, metres >= 1000 ? fmt::format("{:g} km", metres / 1000) : fmt::format("{:g} m", metres), 9);
    // North arrow (projected grids in Great Britain and UTM have north up, to within a few degrees).
    const double ax = map_w - 12, ay = 6;
    cairo_move_to(cr, ax, ay);
    cairo_line_to(cr, ax - 6, ay + 18);
    cairo_line_to(cr, ax, ay + 14);
    cairo_line_to(cr, ax + 6, ay + 18);
    cairo_close_path(cr);
    cairo_fill(cr);
    text(cr, ax, ay + 30, "N", 10, true, 0.5);
    cairo_restore(cr);

    // Legend.
    const double lx = map_w + 10;
    double ly = top + 8;
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, lx, ly, f.legend_title, 10, true);
    ly += 8;
    for (const auto& [label, c] : legend) {
        set_colour(cr, c);
        cairo_rectangle(cr, lx, ly, 14, 10);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, lx + 18, ly + 9, label, 9);
        ly += 14;
    }
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    text(cr, 0, height - 4, f.attribution, 7);
}

void draw_bars(cairo_t* cr, const BarChartFigure& f, double width, double height) {
    const std::size_t n = f.labels.size();
    if (f.values.size() != n) throw Error("bar chart: one value per label is needed");
    auto at = [](const std::vector<double>& v, std::size_t i) { return i < v.size() ? v[i] : nan; };
    double hi = 0.0, lo = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        for (double v : {f.values[i], at(f.upper, i), at(f.reference, i), at(f.lower, i)})
            if (std::isfinite(v)) hi = std::max(hi, v), lo = std::min(lo, v);
    if (hi <= lo) hi = lo + 1.0;
    const double left = 120.0, right = 20.0, top = 28.0, bottom = 40.0;
    const double plot_w = width - left - right;
    const double row = std::min(22.0, (height - top - bottom) / std::max<std::size_t>(n, 1));
    auto x_of = [&](double v) { return left + (v - lo) / (hi - lo) * plot_w; };
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, 0, 16, f.title, 13, true);
    for (std::size_t i = 0; i < n; ++i) {
        const double y = top + i * row;
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, left - 6, y + row * 0.65, f.labels[i], 9, false, 1.0);
        set_colour(cr, okabe_ito(4));
        cairo_rectangle(cr, x_of(std::min(0.0, f.values[i])), y + row * 0.2, std::abs(x_of(f.values[i]) - x_of(0.0)),
                        row * 0.6);
        cairo_fill(cr);
        if (std::isfinite(at(f.lower, i)) && std::isfinite(at(f.upper, i))) {
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_set_line_width(cr, 1.0);
            const double ym = y + row * 0.5;
            cairo_move_to(cr, x_of(f.lower[i]), ym);
            cairo_line_to(cr, x_of(f.upper[i]), ym);
            for (double v : {f.lower[i], f.upper[i]}) {
                cairo_move_to(cr, x_of(v), ym - 4);
                cairo_line_to(cr, x_of(v), ym + 4);
            }
            cairo_stroke(cr);
        }
        if (std::isfinite(at(f.reference, i))) {
            set_colour(cr, okabe_ito(5));
            const double xm = x_of(f.reference[i]), ym = y + row * 0.5;
            cairo_move_to(cr, xm, ym - 5);
            cairo_line_to(cr, xm + 5, ym);
            cairo_line_to(cr, xm, ym + 5);
            cairo_line_to(cr, xm - 5, ym);
            cairo_close_path(cr);
            cairo_fill(cr);
        }
    }
    // Axis with five ticks.
    const double axis_y = top + n * row + 4;
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, left, axis_y);
    cairo_line_to(cr, left + plot_w, axis_y);
    cairo_stroke(cr);
    for (int t = 0; t <= 4; ++t) {
        const double v = lo + (hi - lo) * t / 4.0;
        cairo_move_to(cr, x_of(v), axis_y);
        cairo_line_to(cr, x_of(v), axis_y + 4);
        cairo_stroke(cr);
        text(cr, x_of(v), axis_y + 14, number(v, f.percent), 8, false, 0.5);
    }
    std::string key = f.axis_label;
    if (!f.lower.empty()) key += "   |—| 95% interval";
    if (!f.reference.empty()) key += "   ◆ " + f.reference_label;
    text(cr, left, axis_y + 28, key, 9);
}

}  // namespace

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

const std::string& figure_title(const Figure& f) {
    return std::visit([](const auto& x) -> const std::string& { return x.title; }, f);
}
const std::string& figure_caption(const Figure& f) {
    return std::visit([](const auto& x) -> const std::string& { return x.caption; }, f);
}

void draw_figure(cairo_t* cr, const Figure& f, double width, double height) {
    if (const auto* m = std::get_if<MapFigure>(&f)) draw_map(cr, *m, width, height);
    else draw_bars(cr, std::get<BarChartFigure>(f), width, height);
}

std::string figure_svg(const Figure& f, double width, double height) {
    std::string svg;
    cairo_surface_t* surface = cairo_svg_surface_create_for_stream(append_to_string, &svg, width, height);
    cairo_t* cr = cairo_create(surface);
    draw_figure(cr, f, width, height);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw Error(std::string("drawing a figure failed: ") + cairo_status_to_string(status));
    return svg;
}

}  // namespace cohesion
