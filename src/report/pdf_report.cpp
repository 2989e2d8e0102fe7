#include "report/pdf_report.hpp"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "report/cairo_text.hpp"

namespace cohesion {

namespace {


constexpr double page_w = 595.0, page_h = 842.0, margin = 48.0;

class Layout {
public:
    explicit Layout(cairo_t* cr) : cr_(cr) {}

    void need(double height) {
        if (y_ + height > page_h - margin) new_page();
    }
    void new_page() {
        cairo_show_page(cr_);
        y_ = margin;
    }
    // Wrapped text; returns nothing, moves the cursor.
    void paragraph(const std::string& text, double size, bool bold = false, double gap = 6.0) {
        const std::string s = valid_utf8(text);
        font(size, bold);
        std::string line, word;
        auto flush = [&] {
            need(size * 1.35);
            cairo_move_to(cr_, margin, y_ + size);
            cairo_show_text(cr_, line.c_str());
            y_ += size * 1.35;
            line.clear();
        };
        for (std::size_t i = 0; i <= s.size(); ++i) {
            if (i < s.size() && s[i] != ' ') {
                word += s[i];
                continue;
            }
            const std::string trial = line.empty() ? word : line + " " + word;
            cairo_text_extents_t e;
            cairo_text_extents(cr_, trial.c_str(), &e);
            if (e.x_advance > page_w - 2 * margin && !line.empty()) {
                flush();
                line = word;
            } else {
                line = trial;
            }
            word.clear();
        }
        if (!line.empty()) flush();
        y_ += gap;
    }
    void figure(const Figure& f) {
        const double w = page_w - 2 * margin, h = std::holds_alternative<MapFigure>(f) ? 360.0 : 280.0;
        need(h + 20);
        cairo_save(cr_);
        cairo_translate(cr_, margin, y_);
        draw_figure(cr_, f, w, h);
        cairo_restore(cr_);
        y_ += h + 4;
        paragraph(figure_caption(f), 8, false, 10);
    }
    // Wide tables are printed in blocks of columns, each repeating the first (key) column,
    // so that no column is lost on paper.
    void table(const ResultTable& t, std::size_t max_rows) {
        paragraph(t.title, 10, true, 2);
        const double size = 6.5, row_h = 9.0;
        const std::size_t per_block = 7, rows = std::min(max_rows, t.rows.size());
        std::vector<std::vector<std::string>> cells(rows);
        for (std::size_t r = 0; r < rows; ++r)
            for (const auto& c : t.rows[r]) cells[r].push_back(cell_display(c));
        for (std::size_t first = 1; first < std::max<std::size_t>(t.columns.size(), 2); first += per_block - 1) {
            std::vector<std::size_t> shown{0};
            for (std::size_t c = first; c < t.columns.size() && shown.size() < per_block; ++c) shown.push_back(c);
            const double col_w = (page_w - 2 * margin) / static_cast<double>(per_block);
            auto row = [&](const std::vector<std::string>& line, bool bold) {
                need(row_h);
                font(size, bold);
                for (std::size_t k = 0; k < shown.size(); ++k) {
                    if (shown[k] >= line.size()) continue;
                    const std::string s = fit(line[shown[k]], col_w - 3.0);
                    cairo_move_to(cr_, margin + static_cast<double>(k) * col_w, y_ + size);
                    cairo_show_text(cr_, s.c_str());
                }
                y_ += row_h;
            };
            if (first > 1) y_ += 4;
            // Headers too wide for their column break at an underscore onto a second line.
            std::vector<std::string> head1(t.columns.begin(), t.columns.end()), head2(t.columns.size());
            font(size, true);
            bool two_lines = false;
            for (std::size_t c : shown) {
                if (width_of(head1[c]) <= col_w - 3.0) continue;
                const std::size_t cut = head1[c].rfind('_', head1[c].size() / 2 + 4);
                if (cut == std::string::npos || cut == 0) continue;
                head2[c] = head1[c].substr(cut);
                head1[c].resize(cut);
                two_lines = true;
            }
            need(3 * row_h);  // a header is never the last line of a page
            row(head1, true);
            if (two_lines) row(head2, true);
            for (const auto& line : cells) row(line, false);
        }
        if (t.rows.size() > max_rows)
            paragraph(fmt::format("Shown: {} of {} rows; the full table is in the CSV outputs.", rows, t.rows.size()), 7,
                      false, 8);
        y_ += 6;
    }
    void space(double h) { y_ += h; }
    // The text shortened ("…") until it is at most `width` points wide in the current font,
    // so that neighbouring columns never overprint.
    double width_of(const std::string& text) {
        cairo_text_extents_t e;
        cairo_text_extents(cr_, valid_utf8(text).c_str(), &e);
        return e.x_advance;
    }
    std::string fit(const std::string& text, double width) {
        const std::string valid = valid_utf8(text);
        std::string s = valid;
        for (std::size_t bytes = valid.size(); bytes > 2 && width_of(s) > width; --bytes) s = clip_utf8(valid, bytes - 1);
        return s;
    }

private:
    void font(double size, bool bold) {
        cairo_select_font_face(cr_, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
        cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
    }
    cairo_t* cr_;
    double y_ = margin;
};

}  // namespace

std::string render_pdf(const ReportDocument& d) {
    std::string pdf;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &pdf, page_w, page_h);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, d.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, ("cohesion " + d.version).c_str());
    cairo_t* cr = cairo_create(surface);
    {
        Layout l(cr);
        l.paragraph(d.title, 20, true, 2);
        l.paragraph(d.subtitle, 11, false, 14);
        for (const auto& k : d.key_figures) l.paragraph(k.value + " — " + k.label, 11, false, 2);
        l.space(10);
        for (const auto& s : d.sections) {
            l.need(120);
            l.paragraph(s.title, 15, true, 4);
            for (const auto& p : s.paragraphs) l.paragraph(p, 9.5);
            for (const auto& f : s.figures) l.figure(f);
            for (const auto& t : s.tables) l.table(t, std::min<std::size_t>(s.max_rows, 30));
        }
        l.need(200);
        l.paragraph("Sources and provenance", 15, true, 4);
        for (const auto& a : d.attribution) l.paragraph(a, 8);
        for (const auto& s : d.sources) l.paragraph(fmt::format("{} ({} bytes) sha256 {}", s.path, s.bytes, s.sha256), 7);
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
