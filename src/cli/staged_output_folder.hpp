#pragma once
// A run's output folder built beside the real one and swapped in whole on success.
//
// Why: `cohesion run` writes a dozen files. Writing them straight into an existing
// folder means a failure half-way leaves new files beside the old report, and
// nothing says which belong together. Instead every step writes into
// "OUT.staging-PID" (a sibling, so the final renames stay on one file system); on
// success the old folder is renamed aside, the staging folder renamed to OUT, and
// the old one deleted. On failure OUT is untouched and the staging folder is kept
// for inspection (and removed as stale by a later run, once this PID is gone).
#include <filesystem>
#include <string>

namespace cohesion::cli {

class StagedOutputFolder {
public:
    // Creates the staging folder (removing stale ones of dead runs); throws a
    // cohesion::Error naming `final_folder` if it cannot.
    explicit StagedOutputFolder(const std::string& final_folder);
    StagedOutputFolder(const StagedOutputFolder&) = delete;
    StagedOutputFolder& operator=(const StagedOutputFolder&) = delete;

    const std::string& path() const { return staging_; }
    const std::string& final_path() const { return final_; }
    // Swaps the staging folder in as the final folder; the previous contents are deleted.
    void commit();

private:
    std::string final_, staging_;
};

}  // namespace cohesion::cli
