// `cohesion findings`: the findings of a project's study in sentences — the report's
// first page, and what the API's /api/findings serves for a served project (its CLI
// twin: both call study_findings(Study), study/findings.hpp).
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "project/national_town.hpp"
#include "project/project_file.hpp"
#include "project/study_from_project.hpp"
#include "study/findings.hpp"
#include "study/study.hpp"

namespace cohesion::cli {

namespace {

struct FindingsOptions {
    std::string project, town, data, schemes = "data/schemes";
    OutputOptionValues output;
};

}  // namespace

void add_findings_command(CLI::App& app) {
    auto o = std::make_shared<FindingsOptions>();
    auto* command = app.add_subcommand(
        "findings", "The findings of a project's study in sentences with numbers (who lives most apart, where the "
                    "enclaves are, whether segregation rose or fell, English need): the report's first page; the same "
                    "as the API's /api/findings");
    command->add_option("PROJECT", o->project, "Project file, e.g. data/bedford/bedford.toml (or give --town)");
    command->add_option("--town", o->town,
                        "Any local authority of England and Wales from the national tables instead of a project file "
                        "(as `run --town`): its name or code, any case");
    command->add_option("--data", o->data,
                        "With --town: the shared data folder (default: $COHESION_SHARED_DATA, else ../shared/data)");
    command->add_option("--schemes", o->schemes, "With --town: the folder of group schemes")->default_val("data/schemes");
    add_output_options(*command, o->output);
    command->callback([o, command] {
        if (o->project.empty() == o->town.empty())
            throw Error(Location{"", 0, "PROJECT"}, "give a project file or --town NAME (one of them)");
        std::string shared = o->data;
        if (shared.empty()) {
            const char* env = std::getenv("COHESION_SHARED_DATA");
            shared = env && *env ? env : "../shared/data";
        }
        const Project p = o->town.empty() ? load_project(o->project) : national_town_project(shared, o->schemes, o->town);
        // Reading the inputs, the profile (bootstrap, permutations) and the sentences.
        ProgressBar progress("findings", 2);
        const Study study(study_spec(p));
        progress.advance();
        const auto findings = study_findings(study);
        progress.advance();
        emit({findings_table(findings, study.town())}, o->output, *command);
    });
}

}  // namespace cohesion::cli
