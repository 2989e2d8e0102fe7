#include "report/html_report.hpp"

#include <tbb/parallel_for.h>

#include "core/message_text.hpp"

#include <fmt/format.h>

namespace cohesion {

std::string html_escape(const std::string& s) { return xml_escape(s, false); }

namespace {

constexpr const char* style = R"(
body{font-family:Georgia,'Times New Roman',serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.9em;margin-bottom:.1em}h2{border-bottom:2px solid #2a788e;padding-bottom:.2em;margin-top:2em}
.subtitle{color:#555;margin-top:0}.keys{display:flex;flex-wrap:wrap;gap:12px;margin:1.5em 0}
.key{background:#f2f6f8;border-left:4px solid #2a788e;padding:.6em .9em;min-width:180px}
.key .v{font-size:1.5em;font-weight:bold}.key .l{font-size:.85em;color:#444}
figure{margin:1.5em 0}figcaption{font-size:.85em;color:#444}svg{max-width:100%;height:auto}
table{border-collapse:collapse;font-family:Helvetica,Arial,sans-serif;font-size:.8em;margin:1em 0}
th,td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f2f6f8}
td.t,th.t{text-align:left}.notes{font-size:.8em;color:#555}
.prov{font-family:monospace;font-size:.75em;word-break:break-all}
)";

std::string table_html(const ResultTable& table, std::size_t max_rows, const DisplayOptions& options) {
    const DisplayTable t = display_table(table, max_rows, options);
    std::string h = "<h3>" + html_escape(t.title) + "</h3>\n<table><thead><tr>";
    for (std::size_t c = 0; c < t.headings.size(); ++c)
        h += std::string(t.numeric[c] ? "<th>" : "<th class=\"t\">") + html_escape(t.headings[c]) + "</th>";
    h += "</tr></thead><tbody>\n";
    for (const auto& row : t.rows) {
        h += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c)
            h += std::string(c < t.numeric.size() && t.numeric[c] ? "<td>" : "<td class=\"t\">") + html_escape(row[c]) +
                 "</td>";
        h += "</tr>\n";
    }
    h += "</tbody></table>\n";
    if (t.total_rows > t.rows.size())
        h += fmt::format("<p class=\"notes\">First {} of {} rows; all rows are in the CSV outputs.</p>\n", t.rows.size(),
                         t.total_rows);
    if (!t.notes.empty()) {
        h += "<details class=\"notes\"><summary>How this was computed</summary><ul>";
        for (const auto& n : t.notes) h += "<li>" + html_escape(n) + "</li>";
        h += "</ul></details>\n";
    }
    return h;
}

// One pass into a new string: replacing in place moved the rest of a half-megabyte figure once
// per glyph reference (thousands per map), time quadratic in the figure's size.
void replace_all(std::string& s, const std::string& from, const std::string& to) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    std::size_t done = 0;
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, done)) {
        out.append(s, done, at - done);
        out += to;
        done = at + from.size();
    }
    out.append(s, done, std::string::npos);
    s.swap(out);
}

// The SVG document without its XML declaration, ready to sit inside HTML. cairo names
// its glyph and clip definitions glyph0-1, clip1, ... in every SVG it writes; inline in
// one HTML page those ids would collide (the second figure drawing the first one's
// glyphs), so each figure's ids get their own prefix.
std::string inline_svg(const Figure& f, std::size_t number, MapGeometryMemo* memo) {
    std::string svg = figure_svg(f, 640, std::holds_alternative<MapFigure>(f) ? 460 : 360, memo);
    const auto start = svg.find("<svg");
    if (start != std::string::npos) svg.erase(0, start);
    const std::string prefix = "f" + std::to_string(number) + "-";
    replace_all(svg, "id=\"", "id=\"" + prefix);
    replace_all(svg, "\"#", "\"#" + prefix);
    replace_all(svg, "url(#", "url(#" + prefix);
    return svg;
}

}  // namespace

std::string render_html(const ReportDocument& d) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + html_escape(d.title) +
                    "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>" + style +
                    "</style></head><body>\n";
    h += "<h1>" + html_escape(d.title) + "</h1>\n<p class=\"subtitle\">" + html_escape(d.subtitle) + "</p>\n";
    h += "<div class=\"keys\">";
    for (const auto& k : d.key_figures)
        h += "<div class=\"key\"><div class=\"v\">" + html_escape(k.value) + "</div><div class=\"l\">" +
             html_escape(k.label) + "</div></div>";
    h += "</div>\n";
    // The figures' SVG first, side by side (each is its own cairo surface): drawn in turn they
    // were the report's last work, on one core while the other had nothing left to do.
    std::vector<const Figure*> figure_list;
    for (const auto& s : d.sections)
        for (const auto& f : s.figures) figure_list.push_back(&f);
    std::vector<std::string> svg(figure_list.size());
    tbb::parallel_for(std::size_t{0}, figure_list.size(), [&](std::size_t k) {
        svg[k] = inline_svg(*figure_list[k], k + 1, d.map_geometry.get());
    });
    std::size_t figures = 0;
    for (std::size_t n = 1; n <= d.sections.size(); ++n) {
        const ReportSection& s = d.sections[n - 1];
        h += "<section id=\"section-" + std::to_string(n) + "\"><h2>" + std::to_string(n) + ". " + html_escape(s.title) +
             "</h2>\n";
        for (std::size_t k = 0; k < s.paragraphs.size(); ++k) {
            h += "<p>" + html_escape(s.paragraphs[k]);
            // A finding links to the section with the table or map behind it.
            if (const auto [m, title] = paragraph_reference(d, s, k); m > 0)
                h += " <a href=\"#section-" + std::to_string(m) + "\">See section " + std::to_string(m) + ", “" +
                     html_escape(title) + "”.</a>";
            h += "</p>\n";
        }
        for (const auto& f : s.figures)
            h += "<figure>" + svg[figures++] + "<figcaption>" + html_escape(figure_caption(f)) + "</figcaption></figure>\n";
        for (const auto& t : s.tables) h += table_html(t, s.max_rows, d.display);
        h += "</section>\n";
    }
    h += "<section><h2>Sources and provenance</h2>\n<ul>";
    for (const auto& a : d.attribution) h += "<li>" + html_escape(a) + "</li>";
    h += "</ul>\n<table><thead><tr><th class=\"t\">File</th><th>Bytes</th><th class=\"t\">SHA-256</th></tr></thead><tbody>";
    for (const auto& s : d.sources)
        h += "<tr><td class=\"t\">" + html_escape(display_paths(s.path, d.display)) + "</td><td>" + std::to_string(s.bytes) + "</td><td class=\"t prov\">" +
             s.sha256 + "</td></tr>";
    h += "</tbody></table>\n<p class=\"prov\">cohesion " + html_escape(d.version) + " — generated " +
         html_escape(d.generated) + "<br>command: " + html_escape(d.command) + "</p></section>\n</body></html>\n";
    return h;
}

}  // namespace cohesion
