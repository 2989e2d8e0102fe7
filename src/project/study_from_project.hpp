#pragma once
// A project file as the library's StudySpec: the one place the TOML mirror (Project)
// becomes the typed specification `cohesion run`, `cohesion serve --project` and the
// Python package's run() give to a Study.
#include "io/table_input.hpp"
#include "project/project_file.hpp"
#include "study/study_spec.hpp"

namespace cohesion {

// A [table]-like section as the TableInput every command's options build.
TableInput table_input(const ProjectTable& table);

StudySpec study_spec(const Project& project);

}  // namespace cohesion
