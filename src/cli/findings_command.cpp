// `cohesion findings`: the findings of a project's study in sentences — the report's
// first page, and what the API's /api/findings serves for a served project (its CLI
// twin: both call study_findings(Study), study/findings.hpp).
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/project_source.hpp"
#include "project/study_from_project.hpp"
#include "study/findings.hpp"
#include "study/study.hpp"

namespace cohesion::cli {

namespace {

struct FindingsOptions {
    ProjectSourceValues source;
    OutputOptionValues output;
};

}  // namespace

void add_findings_command(CLI::App& app) {
    auto o = std::make_shared<FindingsOptions>();
    auto* command = app.add_subcommand(
        "findings", "The findings of a project's study in sentences with numbers (who lives most apart, where the "
                    "enclaves are, whether segregation rose or fell, English need): the report's first page; the same "
                    "as the API's /api/findings");
    add_project_source_options(*command, o->source,
                               "Any local authority of England and Wales from the national tables instead of a "
                               "project file (as `run --town`): its name or code, any case");
    add_output_options(*command, o->output);
    command->callback([o, command] {
        const Project p = load_project_source(o->source);
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
