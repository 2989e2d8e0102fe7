#include "report/cairo_text.hpp"

#include <pango/pangocairo.h>

#include <memory>
#include <utility>

namespace cohesion {

std::string valid_utf8(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size() && !(len == 2 && b < 0xC2);
        for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok) {
            out.append(s, i, len);
            i += len;
        } else {
            out += '?';
            ++i;
        }
    }
    return out;
}

std::string clip_utf8(const std::string& text, std::size_t max_bytes) {
    const std::string s = valid_utf8(text);
    if (s.size() <= max_bytes) return s;
    std::size_t end = max_bytes - 1;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end) + "…";
}

namespace {

struct LayoutDeleter {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

// One Pango context and font description per thread, brought up to date with the cairo
// context (its surface's font options and transformation) before each layout: a context made
// for every layout (pango_cairo_create_layout), thousands of them for the report's tables, made
// measuring text a fifth slower (perf samples in Bedford's PDF: 109 with, 85 without).
struct ThreadText {
    PangoContext* context = nullptr;
    PangoFontDescription* font = nullptr;
    ~ThreadText() {
        if (context) g_object_unref(context);
        if (font) pango_font_description_free(font);
    }
};

Layout make_layout(cairo_t* cr, const std::string& text, const TextStyle& style) {
    thread_local ThreadText shared;
    if (!shared.context) shared.context = pango_cairo_create_context(cr);
    else pango_cairo_update_context(cr, shared.context);
    if (!shared.font) shared.font = pango_font_description_from_string("Sans");
    Layout layout(pango_layout_new(shared.context));
    // Sizes are absolute in user units, so a 9-unit font is 9 points on a PDF page
    // whatever resolution Pango assumes.
    pango_font_description_set_absolute_size(shared.font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(shared.font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), shared.font);  // copied by the layout
    const std::string s = valid_utf8(text);
    pango_layout_set_text(layout.get(), s.c_str(), static_cast<int>(s.size()));
    if (style.width > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(style.width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), style.align >= 0.75 ? PANGO_ALIGN_RIGHT
                                                 : style.align >= 0.25 ? PANGO_ALIGN_CENTER
                                                                       : PANGO_ALIGN_LEFT);
    }
    if (style.line_spacing != 1.0) pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
    return layout;
}

TextExtent extent_of(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    TextExtent e;
    e.width = static_cast<double>(logical.width) / PANGO_SCALE;
    e.height = static_cast<double>(logical.height) / PANGO_SCALE;
    e.baseline = static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE;
    e.lines = pango_layout_get_line_count(layout);
    return e;
}

}  // namespace

TextExtent measure_text(cairo_t* cr, const std::string& text, const TextStyle& style) {
    return extent_of(make_layout(cr, text, style).get());
}

TextExtent draw_text(cairo_t* cr, double x, double top, const std::string& text, const TextStyle& style) {
    const Layout layout = make_layout(cr, text, style);
    cairo_move_to(cr, x, top);
    pango_cairo_show_layout(cr, layout.get());
    return extent_of(layout.get());
}

void draw_text_at_baseline(cairo_t* cr, double x, double baseline, const std::string& text, const TextStyle& style) {
    TextStyle one = style;
    one.width = -1.0;
    const Layout layout = make_layout(cr, text, one);
    const TextExtent e = extent_of(layout.get());
    cairo_move_to(cr, x - style.align * e.width, baseline - e.baseline);
    pango_cairo_show_layout(cr, layout.get());
}

void draw_halo_label(cairo_t* cr, double x, double y, const std::string& text, const TextStyle& style) {
    const Layout layout = make_layout(cr, text, style);
    const TextExtent e = extent_of(layout.get());
    const double left = x - e.width / 2, top = y - e.height / 2;
    cairo_save(cr);
    // The halo: the text itself in white, shifted a little in eight directions under the dark
    // text. Stroking the text's outline looks the same, but writes every glyph's outline as a
    // path into the PDF and SVG (most of a map's size, and of the time to write it), where
    // shifted copies of the text are a few glyph references each.
    const double r = style.size * 0.13;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    for (const auto& [dx, dy] : {std::pair{-r, 0.0}, {r, 0.0}, {0.0, -r}, {0.0, r}, {-0.7 * r, -0.7 * r},
                                 {0.7 * r, -0.7 * r}, {-0.7 * r, 0.7 * r}, {0.7 * r, 0.7 * r}}) {
        cairo_move_to(cr, left + dx, top + dy);
        pango_cairo_show_layout(cr, layout.get());
    }
    cairo_set_source_rgb(cr, 0.12, 0.12, 0.12);
    cairo_move_to(cr, left, top);
    pango_cairo_show_layout(cr, layout.get());
    cairo_restore(cr);
}

}  // namespace cohesion
