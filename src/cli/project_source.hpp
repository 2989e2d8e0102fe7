#pragma once
// Where a whole study comes from on the command line: a project file (PROJECT) or any
// local authority of the national tables (--town, with --data and --schemes). Shared by
// `run` and `findings`, so both read a study the same way.
#include <CLI/CLI.hpp>

#include <string>

#include "io/table_files.hpp"
#include "project/project_file.hpp"

namespace cohesion::cli {

struct ProjectSourceValues {
    std::string project, town, data, schemes = "data/schemes";
};

// PROJECT, --town, --data and --schemes. `town_help` describes --town for this command.
void add_project_source_options(CLI::App& command, ProjectSourceValues& values, const std::string& town_help);
// The project file, or the national town's project; exactly one of them must be given.
// --data defaults to $COHESION_SHARED_DATA, else ../shared/data. `files` (may be null) keeps
// the national table `--town` parses, for the study that follows.
Project load_project_source(const ProjectSourceValues& values, TableFiles* files = nullptr);

}  // namespace cohesion::cli
