#include "report/pdf_report.hpp"

#include "report/cairo_text.hpp"

#include <gtest/gtest.h>

namespace cohesion {
namespace {

ReportDocument wide_table_document(const std::string& cell) {
    ResultTable t;
    t.title = "Wide";
    for (int c = 0; c < 15; ++c) t.columns.push_back("column_" + std::to_string(c));
    for (int r = 0; r < 3; ++r) {
        std::vector<Cell> row{cell};
        for (int c = 1; c < 15; ++c) row.emplace_back(double(r * c));
        t.add_row(std::move(row));
    }
    ReportDocument d;
    d.title = "Test";
    ReportSection section;
    section.title = "Section";
    section.paragraphs = {"text"};
    section.tables = {t};
    d.sections.push_back(std::move(section));
    return d;
}

TEST(PdfReport, WideTablesAndLongUtf8CellsDrawWithoutError) {
    // 20 ASCII bytes then "–" (3 bytes): a byte cut at 21 would split it, and cairo would
    // stop drawing the rest of the document.
    const std::string cell = std::string(20, 'a') + "\xE2\x80\x93 Gypsy/Irish Traveller";
    const std::string pdf = render_pdf(wide_table_document(cell));
    EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
    EXPECT_GT(pdf.size(), 1000u);
}

TEST(PdfReport, InvalidUtf8IsReplacedNotFatal) {
    // A Latin-1 label ("Roman\xE9s"): drawn with '?' instead of failing the document.
    const std::string pdf = render_pdf(wide_table_document("Roman\xE9s \xFF\xFE"));
    EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
    EXPECT_EQ(valid_utf8("Roman\xE9s \xFF"), "Roman?s ?");
    EXPECT_EQ(valid_utf8("a\xE2\x80\x93" "b"), "a\xE2\x80\x93" "b");  // split: \x93b would be one escape
    EXPECT_EQ(clip_utf8(std::string(20, 'a') + "\xE2\x80\x93xyz", 22), std::string(20, 'a') + "\xE2\x80\xA6");
}

}  // namespace
}  // namespace cohesion
