#include "server/served_findings.hpp"

#include "output/result_table.hpp"
#include "study/findings.hpp"
#include "study/study.hpp"

namespace cohesion {

std::string ServedFindings::json() {
    const std::lock_guard lock(mutex_);
    if (!json_) {
        const Study study(spec_);
        json_ = render_json({findings_table(study_findings(study), study.town())});
    }
    return *json_;
}

}  // namespace cohesion
