#pragma once
// ReportDocument — the report as data: key figures, sections of text, figures and
// tables, and provenance (data files with checksums, tool version, command). Built from
// analysis results (report/town_report.hpp), rendered to self-contained HTML
// (html_report.hpp) or PDF (pdf_report.hpp) without computing anything.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "output/result_table.hpp"
#include "report/display_table.hpp"
#include "report/figure.hpp"

namespace cohesion {

struct KeyFigure {
    std::string label, value;
};

struct ReportSection {
    std::string title;
    std::vector<std::string> paragraphs;
    // Per paragraph (may be shorter): the title of the section with the table or map behind
    // it ("" = none). Rendered as a link in HTML and "see section N" in the PDF.
    std::vector<std::string> refers_to;
    std::vector<Figure> figures;
    std::vector<ResultTable> tables;
    std::size_t max_rows = 25;  // rows of each table shown; the full table is in the CSV outputs
};

struct SourceFile {
    std::string path, sha256;
    std::uintmax_t bytes = 0;
};

struct ReportDocument {
    std::string title, subtitle;
    std::vector<KeyFigure> key_figures;
    std::vector<ReportSection> sections;
    std::vector<SourceFile> sources;
    std::string version, command, generated;
    std::vector<std::string> attribution;  // Open Government Licence lines etc.
    DisplayOptions display;  // how tables show years and paths (report/display_table.hpp)
    std::shared_ptr<const void> keep_alive;  // what the figures point into (layers), when the document owns it
    // Map polygons simplified for drawing, made once for the HTML and the PDF (report/map_geometry.hpp).
    std::shared_ptr<MapGeometryMemo> map_geometry = std::make_shared<MapGeometryMemo>();
};

// The section with this title, appended (empty) when there is none yet.
ReportSection& section_titled(std::vector<ReportSection>& sections, const std::string& title);

// Sections are numbered from 1 in the order of `sections` (headings "2. Who lives here",
// HTML anchors "section-2"); 0 when no section has this title.
std::size_t section_number(const ReportDocument& d, const std::string& title);
// The cross-reference of paragraph `k` of `s`: its section number and title, or {0, ""}.
std::pair<std::size_t, std::string> paragraph_reference(const ReportDocument& d, const ReportSection& s, std::size_t k);

// Checksums and sizes of the given files (for `sources`).
std::vector<SourceFile> describe_sources(const std::vector<std::string>& paths);

}  // namespace cohesion
