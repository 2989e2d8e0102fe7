#pragma once
// Checking a project's output folder before `cohesion run` writes anything. (The inputs
// are checked by reading them: the library's Study reads every input before any
// analysis runs, so a typo in a group name stops the run at once.)
#include "project/project_file.hpp"

namespace cohesion::cli {

// The output folder must be the run's own: not holding the project's inputs, and,
// if it exists and is not empty, an earlier run's output (it has run.json), since a
// successful run replaces it whole.
void check_output_folder(const Project& project);

}  // namespace cohesion::cli
