#pragma once
// The report as a PDF (A4, vector): the same document and figures as the HTML report,
// drawn with cairo's PDF surface and laid out top to bottom with page breaks.
#include <string>

#include "report/report_document.hpp"

namespace cohesion {

std::string render_pdf(const ReportDocument& document);  // the PDF bytes

}  // namespace cohesion
