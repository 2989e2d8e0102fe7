#pragma once
// The report as one self-contained HTML file: styles inline, figures as inline SVG
// (text drawn as paths), no scripts, fonts or network requests — it can be emailed or
// archived and opens the same anywhere.
#include <string>

#include "report/report_document.hpp"

namespace cohesion {

std::string render_html(const ReportDocument& document);
std::string html_escape(const std::string& text);

}  // namespace cohesion
