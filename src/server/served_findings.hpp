#pragma once
// The findings of a served project (study/findings.hpp: the report's first page),
// computed once, on the first request — on a worker of the heavy queue, never on the
// network thread: the Study reads the project's inputs and the town profile bootstraps,
// seconds for a town — and kept for the life of the server, since the inputs are fixed.
// A failed computation is not kept: the next request tries again (and says why).
#include <mutex>
#include <optional>
#include <string>

#include "study/study_spec.hpp"

namespace cohesion {

class ServedFindings {
public:
    explicit ServedFindings(StudySpec spec) : spec_(std::move(spec)) {}
    // The findings as JSON ({"tables": [...]}, render_json of findings_table), computed on
    // the first call; concurrent first calls wait for one computation.
    std::string json();

private:
    StudySpec spec_;
    std::mutex mutex_;
    std::optional<std::string> json_;
};

}  // namespace cohesion
