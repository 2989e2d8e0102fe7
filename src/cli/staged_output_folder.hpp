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
    // Steps read earlier steps' outputs by their staging path, and results record what
    // they read in their notes ("loaded OUT.staging-PID/x.csv"); those notes reach the
    // report. This rewrites the staging path to the final one in the text outputs written
    // so far (.json, .csv, .geojson, .html, .txt), so provenance names files that exist
    // after the swap. Called before each step and before commit().
    void name_final_folder_in_text_outputs() const;
    // Swaps the staging folder in as the final folder; the previous contents are deleted.
    void commit();

private:
    std::string final_, staging_;
};

}  // namespace cohesion::cli
