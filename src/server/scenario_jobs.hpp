#pragma once
// Scenario runs as jobs with a status URL (docs/http-api.md, "What if"): a model run takes
// seconds to minutes, longer than a client should hold a request open, so
//   POST   /api/scenario-runs?dataset=D&scenario=NAME[&replicates=N&years=Y&seed=S&deadline=SECONDS]
//          -> 202 {"id", "status_url", "state": "queued"} (Location: the status URL)
//   GET    /api/scenario-runs/ID -> {"state": queued|running|done|failed|cancelled,
//          "progress": {"done", "total"} in replicate runs, "result": [tables] when done, "error" when failed}
//   DELETE /api/scenario-runs/ID -> cancels (the run stops at its next check) -> {"state": "cancelled"}
//   GET    /api/scenarios -> every served project's scenarios with their assumptions
// The run is the server's heavy WorkQueue job (its bounded queue: full -> 503 + Retry-After),
// stopped at the earlier of its own deadline and the queue's; the registry keeps at most
// `max_jobs` jobs (finished ones are forgotten oldest first; all still active -> 429 +
// Retry-After). The result is what `cohesion simulate --scenarios FILE --scenario NAME
// --format json` prints: the same library call (study/what_if.hpp). Ids are 32 random hex
// digits; anything else is a 404 that does not echo it.
#include <chrono>
#include <memory>
#include <string>

#include "server/api_parameters.hpp"
#include "server/dataset_catalog.hpp"
#include "server/http_message.hpp"
#include "server/work_queue.hpp"

namespace cohesion {

struct ScenarioJobLimits {
    std::size_t max_jobs = 32;
    std::int64_t max_replicates = 200;
    std::chrono::seconds default_deadline{300};
    std::chrono::seconds max_deadline{3600};
};

class ScenarioJobs {
public:
    ScenarioJobs(const DatasetCatalog& catalog, ScenarioJobLimits limits = {});
    ~ScenarioJobs();
    ScenarioJobs(const ScenarioJobs&) = delete;
    ScenarioJobs& operator=(const ScenarioJobs&) = delete;

    // The parameters POST accepts.
    static const std::set<std::string>& parameters();

    HttpResponse list() const;
    // `work` null: 503 (only `cohesion serve` has a queue to run jobs on).
    HttpResponse start(const ApiParameters& p, WorkQueue* work);
    HttpResponse status(const std::string& id) const;
    HttpResponse cancel(const std::string& id, WorkQueue* work);

private:
    struct Job;
    struct Registry;
    const DatasetCatalog& catalog_;
    ScenarioJobLimits limits_;
    std::shared_ptr<Registry> registry_;  // shared with the running jobs' callbacks
};

}  // namespace cohesion
