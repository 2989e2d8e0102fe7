#pragma once
// Checking a project before `cohesion run` writes anything (and for `run --dry-run`).
//
// Why: a run takes minutes; a typo in a group name or a table that does not parse
// should stop it at once with the project key named, not half-way through after
// some outputs exist. The checks read what every step will read: the tables (with
// their options, so groups and filters are checked too), the boundaries, the
// lookup's columns, the census folder and the hub model. They do not compute.
#include "project/project_file.hpp"

namespace cohesion::cli {

// Throws a cohesion::Error naming the project file, the [section] key and the problem.
void check_project(const Project& project);

// The output folder must be the run's own: not holding the project's inputs, and,
// if it exists and is not empty, an earlier run's output (it has run.json), since a
// successful run replaces it whole.
void check_output_folder(const Project& project);

}  // namespace cohesion::cli
