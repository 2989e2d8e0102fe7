#pragma once
// ReportDocument — the report as data: key figures, sections of text, figures and
// tables, and provenance (data files with checksums, tool version, command). Built from
// analysis results (report/town_report.hpp), rendered to self-contained HTML
// (html_report.hpp) or PDF (pdf_report.hpp) without computing anything.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "output/result_table.hpp"
#include "report/figure.hpp"

namespace cohesion {

struct KeyFigure {
    std::string label, value;
};

struct ReportSection {
    std::string title;
    std::vector<std::string> paragraphs;
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
    std::shared_ptr<const void> keep_alive;  // what the figures point into (layers), when the document owns it
};

// The section with this title, appended (empty) when there is none yet.
ReportSection& section_titled(std::vector<ReportSection>& sections, const std::string& title);

// Checksums and sizes of the given files (for `sources`).
std::vector<SourceFile> describe_sources(const std::vector<std::string>& paths);

}  // namespace cohesion
