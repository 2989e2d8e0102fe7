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
    draw_text_at_baseline(cr, x, y, label, {size, bold, -1.0, align});
}

std::string number(double v, bool percent) {
    if (std::abs(v) < 1e-12) v = 0.0;  // float noise on a tick
    if (percent) {
        const double pct = 100.0 * v;
        return std::abs(pct - std::round(pct)) < 1e-9 ? fmt::format("{:.0f}%", pct) : fmt::format("{:.1f}%", pct);
    }
    if (std::abs(v) >= 100) return fmt::format("{:.0f}", v);
    return fmt::format("{:.3g}", v);
}

// A round step for about `ticks` intervals over `range` (1, 2, 2.5 or 5 times a power of
// ten), so axes read 0, 20 %, 40 % rather than 0, 17.9 %, 35.7 %.
double round_step(double range, int ticks) {
    if (!(range > 0)) return 1.0;
    const double raw = range / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0})
        if (raw <= m * power * (1 + 1e-9)) return m * power;
    return 10.0 * power;
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

struct Box {
    double x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

void draw_map(cairo_t* cr, const MapFigure& f, double width, double height, MapGeometryMemo* memo) {
    if (!f.layer || f.layer->size() == 0) throw Error("map figure without polygons");
    const AreaLayer& layer = *f.layer;
    const bool numeric = !f.values.empty();
    if ((numeric && f.values.size() != layer.size()) || (!numeric && f.categories.size() != layer.size()))
        throw Error("map figure: one value per polygon is needed");
    OGREnvelope box, part;
    if (f.extent) {
        box.MinX = f.extent->min_x, box.MinY = f.extent->min_y, box.MaxX = f.extent->max_x, box.MaxY = f.extent->max_y;
    } else {
        for (std::size_t k = 0; k < layer.size(); ++k) {
            layer.geometry[k]->getEnvelope(&part);
            box.Merge(part);
        }
    }
    const double legend_w = 150.0, top = 24.0, bottom = 30.0;
    const double map_w = width - legend_w - 10.0, map_h = height - top - bottom;
    const double scale = std::min(map_w / (box.MaxX - box.MinX), map_h / (box.MaxY - box.MinY));
    // Centre the data in the map frame (the box rarely has the frame's proportions).
    const double x0 = box.MinX - (map_w / scale - (box.MaxX - box.MinX)) / 2;
    const double y0 = box.MinY - (map_h / scale - (box.MaxY - box.MinY)) / 2;
    auto px = [&](double x) { return (x - x0) * scale; };
    auto py = [&](double y) { return map_h - (y - y0) * scale; };
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, 0, 16, f.title, 13, true);

    std::vector<Rgb> colour(layer.size(), no_data_colour);
    std::vector<std::pair<std::string, Rgb>> legend;
    if (numeric) {
        // map_classes: the classification the API serves to the dashboard too.
        const auto breaks = f.quantiles ? quantile_breaks(f.values, f.classes) : map_classes(f.values, f.classes).breaks;
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
    cairo_rectangle(cr, 0, 0, map_w, map_h);
    cairo_clip(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_width(cr, 0.3);
    const MapGeometryMemo::Polygons& polygons = memo ? memo->polygons(layer, scale) : layer.geometry;
    for (std::size_t k = 0; k < layer.size(); ++k) {
        cairo_new_path(cr);
        add_rings(cr, OGRGeometry::ToHandle(polygons[k].get()), x0, y0, scale, map_h);
        set_colour(cr, colour[k]);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_stroke(cr);
    }
    // Labels already placed (zones, hubs, then places), so that none overprints another.
    std::vector<Box> taken;
    auto free_box = [&](double x, double y, const std::string& label, double size, bool bold) -> std::optional<Box> {
        const TextExtent e = measure_text(cr, label, {size, bold});
        const Box b{x - e.width / 2 - 2, y - e.height / 2 - 1, x + e.width / 2 + 2, y + e.height / 2 + 1};
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > map_w || b.y1 > map_h) return std::nullopt;
        for (const auto& t : taken)
            if (t.overlaps(b)) return std::nullopt;
        return b;
    };
    for (const auto& o : f.outlines) {
        if (!o.geometry) continue;
        cairo_new_path(cr);
        add_rings(cr, OGRGeometry::ToHandle(const_cast<OGRGeometry*>(o.geometry.get())), x0, y0, scale, map_h);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, 3.2);
        cairo_stroke_preserve(cr);
        set_colour(cr, o.colour);
        cairo_set_line_width(cr, 1.6);
        cairo_stroke(cr);
    }
    for (const auto& m : f.markers) {
        const double x = px(m.x), y = py(m.y);
        if (m.ring_m > 0) {
            cairo_new_path(cr);
            cairo_arc(cr, x, y, m.ring_m * scale, 0, 2 * M_PI);
            const double dash[] = {3.0, 2.0};
            cairo_set_dash(cr, dash, 2, 0);
            cairo_set_line_width(cr, 1.0);
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
        }
        cairo_new_path(cr);
        cairo_arc(cr, x, y, 4.5, 0, 2 * M_PI);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill_preserve(cr);
        set_colour(cr, okabe_ito(5));
        cairo_set_line_width(cr, 2.0);
        cairo_stroke(cr);
        taken.push_back({x - 5, y - 5, x + 5, y + 5});
    }
    // Zone names go at the zone's centre (or the nearest free spot below or above it).
    for (const auto& o : f.outlines) {
        if (!o.geometry || o.label.empty()) continue;
        OGRPoint c;
        if (o.geometry->Centroid(&c) != OGRERR_NONE) continue;
        for (double dy : {0.0, 12.0, -12.0, 24.0, -24.0})
            if (const auto b = free_box(px(c.getX()), py(c.getY()) + dy, o.label, 8.5, true)) {
                draw_halo_label(cr, px(c.getX()), py(c.getY()) + dy, o.label, {8.5, true});
                taken.push_back(*b);
                break;
            }
    }
    for (const auto& m : f.markers) {
        if (m.label.empty()) continue;
        const double x = px(m.x), y = py(m.y) - 11;
        if (const auto b = free_box(x, y, m.label, 8, true)) {
            draw_halo_label(cr, x, y, m.label, {8, true});
            taken.push_back(*b);
        }
    }
    for (const auto& p : f.places) {
        const double x = px(p.x), y = py(p.y);
        if (const auto b = free_box(x, y, p.text, 7, false)) {
            draw_halo_label(cr, x, y, p.text, {7, false});
            taken.push_back(*b);
        }
    }
    cairo_reset_clip(cr);
    // Scale bar: a round length near a fifth of the map's width.
    const double target = map_w / scale / 5.0;
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

    // Legend: titles and labels wrap to the legend's width rather than run off the figure.
    const double lx = map_w + 10, label_w = legend_w - 18;
    double ly = top + 2;
    cairo_set_source_rgb(cr, 0, 0, 0);
    ly += draw_text(cr, lx, ly, f.legend_title, {10, true, legend_w}).height + 4;
    auto legend_row = [&](const std::string& label, double h_min) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        const double h = std::max(h_min, draw_text(cr, lx + 18, ly, label, {8.5, false, label_w}).height);
        ly += h + 3;
    };
    for (const auto& [label, c] : legend) {
        if (ly > height - 20) break;
        set_colour(cr, c);
        cairo_rectangle(cr, lx, ly + 1, 14, 10);
        cairo_fill(cr);
        legend_row(label, 11);
    }
    if (!f.outlines.empty() && ly < height - 20) {
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cairo_set_line_width(cr, 1.6);
        cairo_rectangle(cr, lx + 1, ly + 2, 12, 8);
        cairo_stroke(cr);
        legend_row("outlined: " + (!f.outline_legend.empty()     ? f.outline_legend
                                   : f.outlines.size() == 1 ? f.outlines.front().label
                                                            : std::string("named zones")),
                   11);
    }
    if (!f.markers.empty() && ly < height - 20) {
        set_colour(cr, okabe_ito(5));
        cairo_set_line_width(cr, 2.0);
        cairo_new_path(cr);
        cairo_arc(cr, lx + 7, ly + 6, 4, 0, 2 * M_PI);
        cairo_stroke(cr);
        legend_row(f.markers.front().ring_m > 0
                       ? fmt::format("hub; dashed ring: {:g} m service distance", f.markers.front().ring_m)
                       : std::string("hub"),
                   11);
    }
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    draw_text_at_baseline(cr, 0, height - 4, f.attribution, {6.5});
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
    // The axis runs over whole round steps.
    const double step = round_step(hi - lo, 4);
    lo = std::floor(lo / step + 1e-9) * step;
    hi = std::ceil(hi / step - 1e-9) * step;
    // Room for the longest label ("Gypsy or Irish Traveller (not ranked)"), up to 45 % of the width.
    double label_w = 0.0;
    for (const auto& l : f.labels) label_w = std::max(label_w, measure_text(cr, l, {9}).width);
    const double left = std::clamp(label_w + 12.0, 120.0, 0.45 * width), right = 20.0, top = 28.0, bottom = 40.0;
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
    const int steps = static_cast<int>(std::lround((hi - lo) / step));
    for (int t = 0; t <= steps; ++t) {
        const double v = lo + step * t;
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

void draw_lines(cairo_t* cr, const LineChartFigure& f, double width, double height) {
    double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY;
    for (const auto& s : f.series) {
        if (s.value.size() != s.x.size()) throw Error("line chart: one value per x is needed in '" + s.label + "'");
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            x_lo = std::min(x_lo, s.x[i]), x_hi = std::max(x_hi, s.x[i]);
            for (const auto* v : {&s.value, &s.lower, &s.upper})
                if (i < v->size() && std::isfinite((*v)[i])) y_lo = std::min(y_lo, (*v)[i]), y_hi = std::max(y_hi, (*v)[i]);
        }
    }
    if (!(x_hi > x_lo)) x_hi = x_lo + 1;
    if (!(y_hi > y_lo)) y_hi = y_lo + (std::isfinite(y_lo) ? std::max(1e-3, std::abs(y_lo) * 0.1) : 1.0);
    if (!std::isfinite(y_lo)) y_lo = 0;
    const double y_step = round_step(y_hi - y_lo, 4);  // round ticks, the axis over whole steps
    y_lo = std::floor(y_lo / y_step + 1e-9) * y_step;
    y_hi = std::ceil(y_hi / y_step - 1e-9) * y_step;
    const double left = 56.0, right = 16.0, top = 28.0, key_rows = static_cast<double>(f.series.size() + 1);
    const double bottom = 34.0 + 13.0 * key_rows;
    const double pw = width - left - right, ph = height - top - bottom;
    auto X = [&](double x) { return left + (x - x_lo) / (x_hi - x_lo) * pw; };
    auto Y = [&](double y) { return top + ph - (y - y_lo) / (y_hi - y_lo) * ph; };
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, 0, 16, f.title, 13, true);
    // Axes: five value ticks with light grid lines, a tick per x (labelled sparsely).
    cairo_set_line_width(cr, 0.5);
    const int y_steps = static_cast<int>(std::lround((y_hi - y_lo) / y_step));
    const double y_power = std::pow(10.0, std::floor(std::log10(y_step) + 1e-9));
    int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(y_step) + 1e-9)));
    if (std::abs(y_step / y_power - 2.5) < 1e-6) ++decimals;  // 0.025 needs three places
    for (int t = 0; t <= y_steps; ++t) {
        const double v = y_lo + y_step * t;
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_move_to(cr, left, Y(v));
        cairo_line_to(cr, left + pw, Y(v));
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, left - 4, Y(v) + 3, fmt::format("{:.{}f}", std::abs(v) < 1e-12 ? 0.0 : v, decimals), 8, false, 1.0);
    }
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, left, top + ph);
    cairo_line_to(cr, left + pw, top + ph);
    cairo_stroke(cr);
    const int span = static_cast<int>(std::lround(x_hi - x_lo));
    const int step = span > 12 ? 5 : span > 6 ? 2 : 1;
    for (int k = 0; k <= span; k += step) {
        const double x = x_lo + k;
        cairo_move_to(cr, X(x), top + ph);
        cairo_line_to(cr, X(x), top + ph + 4);
        cairo_stroke(cr);
        text(cr, X(x), top + ph + 14, fmt::format("{:.0f}", x), 8, false, 0.5);
    }
    // Bands first (translucent), then the lines on top.
    for (std::size_t k = 0; k < f.series.size(); ++k) {
        const auto& s = f.series[k];
        if (s.lower.size() != s.x.size() || s.upper.size() != s.x.size() || s.x.empty()) continue;
        const Rgb c = okabe_ito(k);
        cairo_set_source_rgba(cr, c.r, c.g, c.b, 0.18);
        cairo_move_to(cr, X(s.x[0]), Y(s.upper[0]));
        for (std::size_t i = 1; i < s.x.size(); ++i) cairo_line_to(cr, X(s.x[i]), Y(s.upper[i]));
        for (std::size_t i = s.x.size(); i-- > 0;) cairo_line_to(cr, X(s.x[i]), Y(s.lower[i]));
        cairo_close_path(cr);
        cairo_fill(cr);
    }
    for (std::size_t k = 0; k < f.series.size(); ++k) {
        const auto& s = f.series[k];
        set_colour(cr, okabe_ito(k));
        cairo_set_line_width(cr, 2.0);
        for (std::size_t i = 0; i < s.x.size(); ++i)
            i == 0 ? cairo_move_to(cr, X(s.x[i]), Y(s.value[i])) : cairo_line_to(cr, X(s.x[i]), Y(s.value[i]));
        cairo_stroke(cr);
    }
    // Key: one row per series, then the axis and band meaning.
    double ky = top + ph + 30;
    for (std::size_t k = 0; k < f.series.size(); ++k, ky += 13) {
        set_colour(cr, okabe_ito(k));
        cairo_rectangle(cr, left, ky - 7, 14, 6);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, left + 20, ky, f.series[k].label, 9);
    }
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    text(cr, left, ky, f.axis_label + (f.band_label.empty() ? "" : "; shaded: " + f.band_label), 8.5);
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

void draw_figure(cairo_t* cr, const Figure& f, double width, double height, MapGeometryMemo* memo) {
    if (const auto* m = std::get_if<MapFigure>(&f)) draw_map(cr, *m, width, height, memo);
    else if (const auto* l = std::get_if<LineChartFigure>(&f)) draw_lines(cr, *l, width, height);
    else draw_bars(cr, std::get<BarChartFigure>(f), width, height);
}

std::string figure_svg(const Figure& f, double width, double height, MapGeometryMemo* memo) {
    std::string svg;
    cairo_surface_t* surface = cairo_svg_surface_create_for_stream(append_to_string, &svg, width, height);
    cairo_t* cr = cairo_create(surface);
    draw_figure(cr, f, width, height, memo);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw Error(std::string("drawing a figure failed: ") + cairo_status_to_string(status));
    return svg;
}

}  // namespace cohesion
