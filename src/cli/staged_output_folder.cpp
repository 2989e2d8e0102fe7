#include "cli/staged_output_folder.hpp"

#include <cstdio>

#include "core/error.hpp"
#include "io/text_file.hpp"
#include "output/atomic_file.hpp"
#include "output/stale_outputs.hpp"

namespace cohesion::cli {

namespace fs = std::filesystem;

namespace {

// "out/" and "out" are one folder; the staging and aside names hang off the last component.
fs::path without_trailing_slash(const std::string& folder) {
    fs::path p = fs::path(folder).lexically_normal();
    if (!p.has_filename() && p.has_parent_path()) p = p.parent_path();
    return p;
}

}  // namespace

StagedOutputFolder::StagedOutputFolder(const std::string& final_folder) {
    fs::path target = without_trailing_slash(final_folder);
    std::error_code ec;
    // A link to the real folder: the swap happens there, and the link keeps pointing at it.
    if (fs::is_symlink(fs::symlink_status(target, ec)))
        if (auto real = fs::canonical(target, ec); !ec) target = real;
    final_ = target.string();
    if (fs::exists(target, ec) && !fs::is_directory(target, ec))
        throw Error(Location{final_, 0, "project.output"}, "exists and is not a folder; expected an output folder");
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    fs::create_directories(parent, ec);
    if (ec) throw Error(Location{final_, 0, "project.output"}, "cannot create the folder above it: " + ec.message());
    const std::string name = target.filename().string();
    remove_stale_outputs(parent, name + ".staging-");
    remove_stale_outputs(parent, name + ".previous-");
    staging_ = (parent / owned_name(name + ".staging-")).string();
    fs::remove_all(staging_, ec);  // our own PID: a leftover of an earlier process that had it
    if (!fs::create_directory(staging_, ec) || ec)
        throw Error(Location{final_, 0, "project.output"},
                    "cannot create the staging folder " + staging_ + (ec ? ": " + ec.message() : std::string()));
}

void StagedOutputFolder::name_final_folder_in_text_outputs() const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(staging_, ec)) {
        const std::string extension = entry.path().extension().string();
        if (!entry.is_regular_file() || (extension != ".json" && extension != ".csv" && extension != ".geojson" &&
                                         extension != ".html" && extension != ".txt"))
            continue;
        std::string text = read_text_file(entry.path().string());
        bool changed = false;
        for (auto at = text.find(staging_); at != std::string::npos; at = text.find(staging_, at + final_.size())) {
            text.replace(at, staging_.size(), final_);
            changed = true;
        }
        if (changed) write_file_atomically(entry.path().string(), text);
    }
}

void StagedOutputFolder::commit() {
    const fs::path target(final_);
    const fs::path aside = target.parent_path() / owned_name(target.filename().string() + ".previous-");
    std::error_code ec;
    const bool had_old = fs::exists(fs::symlink_status(target, ec));
    if (had_old && std::rename(final_.c_str(), aside.c_str()) != 0)
        throw Error(Location{final_, 0, "project.output"},
                    "cannot move the previous outputs aside; the new outputs are in " + staging_);
    if (std::rename(staging_.c_str(), final_.c_str()) != 0) {
        if (had_old) std::rename(aside.c_str(), final_.c_str());  // put the old folder back
        throw Error(Location{final_, 0, "project.output"},
                    "cannot move the finished outputs into place; they are in " + staging_);
    }
    if (had_old) fs::remove_all(aside, ec);  // a failure here leaves only a stale ".previous-PID"
}

}  // namespace cohesion::cli
