#pragma once
// The town report of a whole study: the town profile computed on the Study's inputs
// (read once), and the sections of the change and targeting steps built from their
// results in memory — no result is written to a file and read back.
#include <string>
#include <vector>

#include "analysis/town_profile.hpp"
#include "report/report_document.hpp"
#include "study/study.hpp"
#include "study/study_plan.hpp"

namespace cohesion {

struct StudyReportRequest {
    TownProfileOptions profile;         // bootstrap, permutations and seed default to the study's
    double hub_distance = 0.0;          // ring around hub markers (0 = the study's targeting distance)
    std::string command, version, generated;  // provenance lines
    std::vector<ReportSection> extra_sections;  // after the study's own (e.g. `report --section`)
};

struct StudyReport {
    TownProfile profile;
    ReportDocument document;
};

// `steps` and `outputs` are the study plan and its results, in the same order. Only the
// outputs of steps for which study_report_reads() holds are read (the others' may be empty,
// or still being filled by another thread). The profile keeps pointers into `study`.
StudyReport study_report(const Study& study, const std::vector<StudyStep>& steps,
                         const std::vector<StudyOutput>& outputs, StudyReportRequest request);
// Whether the report shows the results of `step` (the change, comparison, targeting, atlas
// and what-if steps; the others' results are the town profile's own). A caller running the
// steps side by side can start the report once these have ended.
bool study_report_reads(const StudyStep& step);


}  // namespace cohesion
