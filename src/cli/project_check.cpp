#include "cli/project_check.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "core/error.hpp"

namespace cohesion::cli {

namespace {

namespace fs = std::filesystem;

// Canonical, with the parts that do not exist yet kept as given.
fs::path canonical_path(const std::string& path) {
    std::error_code ec;
    const fs::path p = fs::weakly_canonical(fs::absolute(path), ec);
    return ec ? fs::absolute(path).lexically_normal() : p;
}

// `path` is `folder` or lies somewhere below it.
bool is_inside(const fs::path& path, const fs::path& folder) {
    const auto rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

void check_output_folder(const Project& p) {
    const fs::path out = canonical_path(p.output);
    std::vector<std::string> inputs{p.file, p.table.path, p.table.scheme, p.table.percent_of, p.table.levels_from,
                                    p.boundaries, p.reference};
    if (p.change)
        for (const auto& s : {p.change->earlier.path, p.change->later.path, p.change->lookup, p.change->weights_table,
                              p.change->boundaries, p.change->earlier.scheme, p.change->later.scheme})
            inputs.push_back(s);
    if (p.targeting) inputs.insert(inputs.end(), {p.targeting->census, p.targeting->boundaries});
    for (const auto& input : inputs) {
        if (input.empty() || input.rfind("PG:", 0) == 0) continue;
        const fs::path in = canonical_path(input);
        if (is_inside(in, out))
            throw Error(Location{p.file, 0, "project.output"},
                        "the output folder " + p.output + " holds the project's input " + input +
                            "; a run replaces its output folder whole, so give it a folder of its own");
    }
    std::error_code ec;
    if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) && !fs::exists(out / "run.json", ec))
        throw Error(Location{p.file, 0, "project.output"},
                    "the output folder " + p.output + " is not empty and holds no run.json of an earlier run; a run "
                    "replaces its output folder whole, so give a new or empty folder");
}

}  // namespace cohesion::cli
