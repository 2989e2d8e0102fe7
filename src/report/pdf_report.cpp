#include "report/pdf_report.hpp"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "report/cairo_text.hpp"
#include "report/display_table.hpp"

namespace cohesion {

namespace {


constexpr double page_w = 595.0, page_h = 842.0, margin = 48.0;
constexpr double body = 9.5;

// Column names break after their underscores as well as at spaces (U+200B, zero width).
std::string breakable(const std::string& name) {
    std::string out;
    for (char c : name) {
        out += c;
        if (c == '_') out += "\u200B";
    }
    return out;
}

// Pages are filled top to bottom. Three rules keep them readable: a block of text is
// never split (it moves whole to the next page unless it is taller than a page), a
// heading is placed only with room for the start of what follows it (keep-with-next,
// so no heading is the last line of a page), and a table is never cut into column
// blocks: its columns are fitted to the page (smaller type, then wrapped cell text),
// and its header row is repeated on every page it spans.
class Layout {
public:
    Layout(cairo_t* cr, const DisplayOptions& display, MapGeometryMemo* maps) : cr_(cr), display_(display), maps_(maps) {}

    void need(double height) {
        if (y_ + height > h_ - margin && y_ > margin) new_page();
    }
    // The next page is A4 portrait, or landscape for a table too wide for portrait.
    void new_page(bool landscape = false) {
        cairo_show_page(cr_);
        w_ = landscape ? page_h : page_w;
        h_ = landscape ? page_w : page_h;
        cairo_pdf_surface_set_size(cairo_get_target(cr_), w_, h_);
        y_ = margin;
    }
    double text_w() const { return w_ - 2 * margin; }
    double height_of(const std::string& text, double size, bool bold = false) {
        return measure_text(cr_, text, {size, bold, text_w()}).height;
    }
    void paragraph(const std::string& text, double size, bool bold = false, double gap = 6.0) {
        const TextStyle style{size, bold, text_w()};
        need(measure_text(cr_, text, style).height);
        ink();
        y_ += draw_text(cr_, margin, y_, text, style).height + gap;
    }
    // A heading kept on the page with at least `keep` points of what follows it.
    void heading(const std::string& text, double size, double keep, double gap = 4.0) {
        need(height_of(text, size, true) + gap + keep);
        paragraph(text, size, true, gap);
    }
    static double figure_height(const Figure& f) { return std::holds_alternative<MapFigure>(f) ? 330.0 : 280.0; }
    double figure_block(const Figure& f) { return figure_height(f) + 4 + height_of(figure_caption(f), 8) + 10; }
    void figure(const Figure& f) {
        const double h = figure_height(f);
        need(figure_block(f));
        cairo_save(cr_);
        cairo_translate(cr_, margin, y_);
        draw_figure(cr_, f, text_w(), h, maps_);
        cairo_restore(cr_);
        y_ += h + 4;
        paragraph(figure_caption(f), 8, false, 10);
    }

    struct TableFit {
        double size = 7.0;
        std::vector<double> widths;
    };
    // Column widths that fit the text width: natural widths in the largest type that fits;
    // else numbers keep their full width (a number is never wrapped), their headers wrap,
    // and the text columns share what is left, wrapping their text.
    TableFit fit_table(const DisplayTable& t, const std::vector<std::vector<std::string>>& cells,
                       const std::vector<char>& numeric) {
        const std::size_t n = t.headings.size();
        TableFit fit;
        std::vector<double> natural(n, 0.0), cell(n, 0.0);
        for (double size : {7.0, 6.5, 6.0, 5.5}) {
            fit.size = size;
            for (std::size_t c = 0; c < n; ++c) {
                cell[c] = 0.0;
                for (const auto& row : cells)
                    if (c < row.size()) cell[c] = std::max(cell[c], measure_text(cr_, row[c], {size}).width);
                cell[c] += pad * 2 + 1.0;  // slack: Pango rounds widths
                natural[c] = std::max(cell[c], measure_text(cr_, t.headings[c], {size, true}).width + pad * 2);
            }
            double total = 0.0;
            for (double w : natural) total += w;
            if (total <= text_w()) {
                fit.widths = natural;
                return fit;
            }
        }
        fit.widths.assign(n, 0.0);
        std::vector<char> fixed(n, 0);
        double left = text_w();
        std::size_t open = n;
        for (std::size_t c = 0; c < n; ++c)
            if (numeric[c]) {
                // At least the header's longest word (headers break at '_' and spaces, not inside words).
                double word = 0.0;
                std::size_t from = 0;
                const std::string& h = t.headings[c];
                for (std::size_t k = 0; k <= h.size(); ++k)
                    if (k == h.size() || h[k] == '_' || h[k] == ' ') {
                        word = std::max(word, measure_text(cr_, h.substr(from, k - from + (k < h.size())), {fit.size, true}).width);
                        from = k + 1;
                    }
                fit.widths[c] = std::max(cell[c], word + pad * 2) + 1.5;  // slack: Pango rounds widths
                fixed[c] = 1, left -= fit.widths[c], --open;
            }
        if (left < 36.0 * static_cast<double>(open)) {  // numbers alone nearly fill the page: all share
            std::fill(fixed.begin(), fixed.end(), 0);
            left = text_w();
            open = n;
        }
        // Water-filling: columns narrower than a fair share keep their width; the rest share the remainder.
        for (bool changed = true; changed && open > 0;) {
            changed = false;
            const double fair = left / static_cast<double>(open);
            for (std::size_t c = 0; c < n; ++c)
                if (!fixed[c] && natural[c] <= fair) {
                    fixed[c] = 1, fit.widths[c] = natural[c], left -= natural[c], --open, changed = true;
                }
        }
        for (std::size_t c = 0; c < n; ++c)
            if (!fixed[c]) fit.widths[c] = left / static_cast<double>(open);
        // Space still left widens the columns whose headers wrap.
        double spare = text_w();
        for (double w : fit.widths) spare -= w;
        double want = 0.0;
        for (std::size_t c = 0; c < n; ++c) want += std::max(0.0, natural[c] - fit.widths[c]);
        if (spare > 0 && want > 0)
            for (std::size_t c = 0; c < n; ++c)
                fit.widths[c] += spare * std::max(0.0, natural[c] - fit.widths[c]) / want * std::min(1.0, want / spare);
        return fit;
    }
    // Whether some number in the table would be wrapped with these widths.
    bool wraps_numbers(const DisplayTable& t, const std::vector<std::vector<std::string>>& cells,
                       const std::vector<char>& numeric, const TableFit& fit) {
        for (std::size_t c = 0; c < t.headings.size(); ++c) {
            if (!numeric[c]) continue;
            for (const auto& row : cells)
                if (c < row.size() && measure_text(cr_, row[c], {fit.size}).width > fit.widths[c] - 2 * pad) return true;
        }
        return false;
    }
    double row_height(const std::vector<std::string>& line, const TableFit& fit, bool bold) {
        double h = 0.0;
        for (std::size_t c = 0; c < line.size() && c < fit.widths.size(); ++c)
            h = std::max(h, measure_text(cr_, line[c], {fit.size, bold, fit.widths[c] - 2 * pad}).height);
        return h + 2.0;
    }
    void draw_row(const std::vector<std::string>& line, const std::vector<char>& numeric, const TableFit& fit,
                  bool bold, double h) {
        ink();
        double x = margin;
        for (std::size_t c = 0; c < line.size() && c < fit.widths.size(); ++c) {
            const bool right = !bold && c < numeric.size() && numeric[c];
            draw_text(cr_, x + pad, y_ + 1.0, line[c], {fit.size, bold, fit.widths[c] - 2 * pad, right ? 1.0 : 0.0});
            x += fit.widths[c];
        }
        y_ += h;
    }
    void rule(double width) {
        cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
        cairo_set_line_width(cr_, 0.4);
        cairo_move_to(cr_, margin, y_);
        cairo_line_to(cr_, margin + width, y_);
        cairo_stroke(cr_);
    }
    // Height of the table's title, header and first rows: what a heading before it keeps.
    double table_start(const ResultTable& t) { return height_of(t.title, 10, true) + 2 + 4 * 10.0; }
    void table(const ResultTable& table, std::size_t max_rows) {
        // People's words: headings, labels, percentages (report/display_table.hpp).
        const DisplayTable t = display_table(table, max_rows, display_);
        const std::vector<std::vector<std::string>>& cells = t.rows;
        const std::vector<char>& numeric = t.numeric;
        const std::size_t rows = cells.size();
        std::vector<std::string> head;
        for (const auto& c : t.headings) head.push_back(breakable(c));
        TableFit fit = fit_table(t, cells, numeric);
        if (w_ < h_ && wraps_numbers(t, cells, numeric, fit)) {
            // Too wide for portrait even in small type: the table gets a landscape page.
            new_page(true);
            fit = fit_table(t, cells, numeric);
        }
        double width = 0.0;
        for (double w : fit.widths) width += w;
        const double head_h = row_height(head, fit, true);
        const double first_row = rows > 0 ? row_height(cells[0], fit, false) : 0.0;
        // The title stays with the header and the first rows.
        heading(t.title, 10, head_h + 3 * first_row, 2);
        auto header = [&] {
            draw_row(head, numeric, fit, true, head_h);
            rule(width);
            y_ += 1.0;
        };
        header();
        for (const auto& line : cells) {
            const double h = row_height(line, fit, false);
            if (y_ + h > h_ - margin) {
                new_page(w_ > h_);  // the columns were fitted to this page's width: keep its orientation
                header();
            }
            draw_row(line, numeric, fit, false, h);
        }
        if (t.total_rows > rows)
            paragraph(fmt::format("Shown: {} of {} rows; the full table is in the CSV outputs.", rows, t.total_rows), 7,
                      false, 8);
        y_ += 6;
    }
    void space(double h) { y_ += h; }

private:
    static constexpr double pad = 2.0;
    void ink() { cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1); }
    cairo_t* cr_;
    const DisplayOptions& display_;
    MapGeometryMemo* maps_;  // the document's simplified map polygons
    double y_ = margin, w_ = page_w, h_ = page_h;
};

// What a section heading must keep on its page: the start of the section's first block.
double section_start(Layout& l, const ReportSection& s, const std::string& first_paragraph) {
    // Paragraphs are never split, so the heading keeps the whole first one.
    if (!s.paragraphs.empty()) return l.height_of(first_paragraph, body);
    if (!s.figures.empty()) return l.figure_block(s.figures.front());
    if (!s.tables.empty()) return l.table_start(s.tables.front());
    return 0.0;
}

}  // namespace

std::string render_pdf(const ReportDocument& d) {
    std::string pdf;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &pdf, page_w, page_h);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, d.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, ("cohesion " + d.version).c_str());
    cairo_t* cr = cairo_create(surface);
    {
        Layout l(cr, d.display, d.map_geometry.get());
        l.paragraph(d.title, 20, true, 2);
        l.paragraph(d.subtitle, 11, false, 14);
        for (const auto& k : d.key_figures) l.paragraph(k.value + " — " + k.label, 11, false, 2);
        l.space(10);
        for (std::size_t n = 1; n <= d.sections.size(); ++n) {
            const ReportSection& s = d.sections[n - 1];
            // A finding says which section has the table or map behind it.
            auto text = [&](std::size_t k) {
                const auto [m, title] = paragraph_reference(d, s, k);
                return m > 0 ? fmt::format("{} (See section {}, “{}”.)", s.paragraphs[k], m, title) : s.paragraphs[k];
            };
            l.heading(std::to_string(n) + ". " + s.title, 15, section_start(l, s, s.paragraphs.empty() ? "" : text(0)));
            for (std::size_t k = 0; k < s.paragraphs.size(); ++k) l.paragraph(text(k), body);
            for (const auto& f : s.figures) l.figure(f);
            for (const auto& t : s.tables) l.table(t, std::min<std::size_t>(s.max_rows, 30));
        }
        l.heading("Sources and provenance", 15, 40);
        for (const auto& a : d.attribution) l.paragraph(a, 8);
        for (const auto& s : d.sources) l.paragraph(fmt::format("{} ({} bytes) sha256 {}", display_paths(s.path, d.display), s.bytes, s.sha256), 7);
        l.paragraph("cohesion " + d.version + ", generated " + d.generated, 7);
        l.paragraph("command: " + d.command, 7);
    }
    // A drawing error (e.g. invalid UTF-8 text) stops all later drawing silently: check it.
    const auto drawing = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const auto status = drawing != CAIRO_STATUS_SUCCESS ? drawing : cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw Error(std::string("writing the PDF failed: ") + cairo_status_to_string(status));
    return pdf;
}

}  // namespace cohesion
