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

std::size_t section_number(const ReportDocument& d, const std::string& title) {
    for (std::size_t k = 0; k < d.sections.size(); ++k)
        if (d.sections[k].title == title) return k + 1;
    return 0;
}

std::pair<std::size_t, std::string> paragraph_reference(const ReportDocument& d, const ReportSection& s, std::size_t k) {
    if (k >= s.refers_to.size() || s.refers_to[k].empty()) return {0, ""};
    const std::size_t n = section_number(d, s.refers_to[k]);
    return n == 0 || &d.sections[n - 1] == &s ? std::pair<std::size_t, std::string>{0, ""}
                                              : std::pair<std::size_t, std::string>{n, s.refers_to[k]};
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
