#pragma once
// Text on cairo, laid out by Pango: wrapping at word boundaries, real glyph metrics, font
// fallback for any script, and halos for map labels. cairo's own "toy" text API does no
// layout at all (no wrapping, no fallback), which left the PDF with cut and overprinted
// text. cairo accepts only valid UTF-8, and on anything else stops drawing the rest of
// the surface without a word — so every string from the data (group names, area codes,
// a Latin-1 CSV's labels) is made valid here first.
#include <cairo.h>

#include <cstddef>
#include <string>

namespace cohesion {

// `s` with every byte that is not part of a valid UTF-8 character replaced by '?'.
std::string valid_utf8(const std::string& s);
// At most `max_bytes` bytes of valid UTF-8, cut at a character boundary ("…" marks a cut).
std::string clip_utf8(const std::string& s, std::size_t max_bytes);

struct TextStyle {
    double size = 9.0;    // font size in user units (points on a PDF page)
    bool bold = false;
    double width = -1.0;  // wrap at word boundaries to this width; < 0: one line
    double align = 0.0;   // 0 left, 0.5 centre, 1 right (of `width`, or of the text itself when not wrapped)
    double line_spacing = 1.0;  // multiple of Pango's natural line height
};

struct TextExtent {
    double width = 0.0, height = 0.0;  // ink-independent logical size
    double baseline = 0.0;             // of the first line, from the top
    int lines = 0;
};

// Size of `text` laid out with `style`.
TextExtent measure_text(cairo_t* cr, const std::string& text, const TextStyle& style);
// Draws `text` with its top-left corner at (x, top) in the current source colour; returns its size.
TextExtent draw_text(cairo_t* cr, double x, double top, const std::string& text, const TextStyle& style);
// One line with its first baseline at (x, baseline), `style.align` of its own width
// (0.5 = centred on x): the placement charts and map legends use.
void draw_text_at_baseline(cairo_t* cr, double x, double baseline, const std::string& text, const TextStyle& style);
// A label drawn over a map: a white halo (stroked outline) under dark text, centred on (x, y).
void draw_halo_label(cairo_t* cr, double x, double y, const std::string& text, const TextStyle& style);

}  // namespace cohesion
