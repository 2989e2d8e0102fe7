#include "report/report_document.hpp"

#include <filesystem>

#include "io/file_checksum.hpp"

namespace cohesion {

ReportSection& section_titled(std::vector<ReportSection>& sections, const std::string& title) {
    for (auto& s : sections)
        if (s.title == title) return s;
    sections.push_back({});
    sections.back().title = title;
    return sections.back();
}

std::vector<SourceFile> describe_sources(const std::vector<std::string>& paths) {
    std::vector<SourceFile> out;
    for (const auto& p : paths) {
        if (p.empty() || p.rfind("PG:", 0) == 0 || !std::filesystem::is_regular_file(p)) continue;
        out.push_back({p, sha256_of_file(p), std::filesystem::file_size(p)});
    }
    return out;
}

}  // namespace cohesion
