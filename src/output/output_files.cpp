#include "output/output_files.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace cohesion {

namespace {

// The name without its last extension, in the same folder.
std::string stem_path(const std::string& path) {
    const std::filesystem::path p(path);
    if (!p.has_extension()) return path;
    return (p.parent_path() / p.stem()).string();
}

}  // namespace

std::string per_table_path(const std::string& path, const std::string& table_name) {
    const std::filesystem::path p(path);
    return stem_path(path) + "." + table_name + (p.has_extension() ? p.extension().string() : std::string(".csv"));
}

std::vector<std::string> csv_table_paths(const std::string& path, const std::vector<ResultTable>& results) {
    if (results.size() <= 1) return {path};
    std::vector<std::string> paths;
    for (std::size_t k = 0; k < results.size(); ++k)
        paths.push_back(per_table_path(path, results[k].name.empty() ? fmt::format("table{}", k + 1) : results[k].name));
    return paths;
}

std::string notes_sidecar_path(const std::string& path) { return stem_path(path) + ".notes.txt"; }

std::string render_notes(const std::vector<ResultTable>& results, const std::string& command_line) {
    std::string text = "Written by: " + command_line + "\n";
    for (const auto& r : results) {
        text += "\n" + (r.title.empty() ? std::string("Results") : r.title) + "\n";
        if (!r.headline.empty()) text += "  finding: " + r.headline + "\n";
        if (r.notes.empty()) text += "  (no notes)\n";
        for (const auto& note : r.notes) text += "  " + note + "\n";
    }
    return text;
}

std::string result_headline(const std::vector<ResultTable>& results) {
    for (const auto& r : results)
        if (!r.headline.empty()) return r.headline;
    if (results.empty()) return "no results";
    const auto& r = results.front();
    return fmt::format("{}: {} row{}", r.title.empty() ? std::string("results") : r.title, r.rows.size(),
                       r.rows.size() == 1 ? "" : "s");
}

}  // namespace cohesion
