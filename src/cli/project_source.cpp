#include "cli/project_source.hpp"

#include "cli/shared_data_folder.hpp"
#include "core/error.hpp"
#include "project/national_town.hpp"

namespace cohesion::cli {

void add_project_source_options(CLI::App& command, ProjectSourceValues& values, const std::string& town_help) {
    command.add_option("PROJECT", values.project, "Project file, e.g. data/bedford/bedford.toml (or give --town)");
    command.add_option("--town", values.town, town_help);
    command.add_option("--data", values.data,
                       "With --town: the shared data folder (default: $COHESION_SHARED_DATA, else ../shared/data)");
    command.add_option("--schemes", values.schemes, "With --town: the folder of group schemes")->default_val("data/schemes");
}

Project load_project_source(const ProjectSourceValues& values, TableFiles* files) {
    if (values.project.empty() == values.town.empty())
        throw Error(Location{"", 0, "PROJECT"}, "give a project file or --town NAME (one of them)");
    if (values.town.empty()) return load_project(values.project);
    return national_town_project(shared_data_folder(values.data), values.schemes, values.town, files);
}

}  // namespace cohesion::cli
