#pragma once
// Numbers as people read them in reports, findings and the dashboard's texts: shares as
// percentages without float noise ("60 %", "4.7 %", "less than 0.1 %", never "-0 %"), counts
// with thousands separators ("8,474"). The data files keep full precision.
#include <string>

namespace cohesion {

std::string percent_text(double share);
std::string count_text(double count);

}  // namespace cohesion
