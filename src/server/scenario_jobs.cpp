#include "server/scenario_jobs.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <list>
#include <mutex>
#include <random>

#include "core/cancellation.hpp"
#include "core/error.hpp"
#include "output/result_table.hpp"
#include "server/request_text.hpp"
#include "study/what_if.hpp"

namespace cohesion {

namespace {

enum class JobState { queued, running, done, failed, cancelled };

const char* state_name(JobState s) {
    switch (s) {
        case JobState::queued: return "queued";
        case JobState::running: return "running";
        case JobState::done: return "done";
        case JobState::failed: return "failed";
        case JobState::cancelled: return "cancelled";
    }
    return "failed";
}

bool finished(JobState s) { return s == JobState::done || s == JobState::failed || s == JobState::cancelled; }

std::string new_id() {
    std::random_device device;
    std::string id;
    for (int k = 0; k < 4; ++k) id += fmt::format("{:08x}", static_cast<std::uint32_t>(device()));
    return id;
}

bool well_formed_id(const std::string& id) {
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

HttpResponse json_answer(int status, const nlohmann::json& body) {
    return HttpResponse{status, "application/json",
                        body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), {}};
}

}  // namespace

struct ScenarioJobs::Job {
    std::string id, dataset, scenario;
    std::size_t replicates = 0;
    int years = 0;
    std::uint64_t seed = 0;
    std::chrono::seconds deadline_after{0};
    std::chrono::steady_clock::time_point deadline;
    JobState state = JobState::queued;
    std::size_t done = 0, total = 0;
    nlohmann::json result;
    std::string error;
    bool cancel_requested = false, timed_out = false;
    std::stop_source stop;
    WorkQueue::Ticket ticket;
};

struct ScenarioJobs::Registry {
    mutable std::mutex mutex;
    std::list<std::shared_ptr<Job>> jobs;  // oldest first

    std::shared_ptr<Job> find(const std::string& id) const {
        for (const auto& j : jobs)
            if (j->id == id) return j;
        return nullptr;
    }
};

namespace {

nlohmann::json describe(const auto& job) {
    nlohmann::json j{{"id", job.id},
                     {"dataset", job.dataset},
                     {"scenario", job.scenario},
                     {"state", state_name(job.state)},
                     {"status_url", "/api/scenario-runs/" + job.id},
                     {"progress", {{"done", job.done}, {"total", job.total}, {"unit", "replicate runs"}}},
                     {"replicates", job.replicates},
                     {"years", job.years},
                     {"seed", job.seed},
                     {"deadline_seconds", job.deadline_after.count()}};
    if (job.state == JobState::done) j["result"] = job.result;
    if (!job.error.empty()) j["error"] = job.error;
    return j;
}

}  // namespace

ScenarioJobs::ScenarioJobs(const DatasetCatalog& catalog, ScenarioJobLimits limits)
    : catalog_(catalog), limits_(limits), registry_(std::make_shared<Registry>()) {}

ScenarioJobs::~ScenarioJobs() {
    std::lock_guard lock(registry_->mutex);
    for (auto& j : registry_->jobs) j->stop.request_stop();
}

const std::set<std::string>& ScenarioJobs::parameters() {
    static const std::set<std::string> p{"dataset", "scenario", "replicates", "years", "seed", "deadline"};
    return p;
}

HttpResponse ScenarioJobs::list() const {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [name, d] : catalog_.all()) {
        if (!d->scenarios) continue;
        for (const auto& s : d->scenarios->scenarios)
            out.push_back({{"dataset", name},
                           {"name", s.name},
                           {"assumption", s.assumption},
                           {"developments", s.developments.size()},
                           {"tenure_changes", s.tenure_changes.size()},
                           {"mobility_changes", s.mobility.size()},
                           {"default_replicates", d->scenarios->replicates},
                           {"first_year", d->scenarios->town.later_year},
                           {"years", d->scenarios->years},
                           {"groups", d->scenarios->town.groups}});
    }
    return json_answer(200, {{"scenarios", out},
                             {"runs", "POST /api/scenario-runs?dataset=D&scenario=NAME, then GET the status_url"}});
}

HttpResponse ScenarioJobs::start(const ApiParameters& p, WorkQueue* work) {
    const std::string dataset = p.text("dataset");
    if (dataset.empty()) throw HttpError{400, "parameter 'dataset' is required (see /api/scenarios)", "dataset"};
    const ServedDataset* d = catalog_.find(dataset);
    if (!d) throw HttpError{404, "no dataset '" + printable(dataset.substr(0, 100)) + "' (see /api/scenarios)"};
    if (!d->scenarios) throw HttpError{404, "dataset '" + printable(dataset.substr(0, 100)) + "' has no scenarios"};
    const ServedScenarios& served = *d->scenarios;
    const std::string name = p.text("scenario");
    if (name.empty()) throw HttpError{400, "parameter 'scenario' is required (see /api/scenarios)", "scenario"};
    if (std::none_of(served.scenarios.begin(), served.scenarios.end(), [&](const auto& s) { return s.name == name; }))
        throw HttpError{404, "no scenario '" + printable(name.substr(0, 200)) + "' in dataset '" + dataset +
                                 "' (see /api/scenarios)"};
    auto job = std::make_shared<Job>();
    job->dataset = dataset;
    job->scenario = name;
    job->replicates = static_cast<std::size_t>(
        p.integer("replicates", static_cast<std::int64_t>(served.replicates), 1, limits_.max_replicates));
    job->years = static_cast<int>(p.integer("years", served.years, 1, 50));
    job->seed = p.seed("seed", served.seed);
    job->deadline_after = std::chrono::seconds(
        p.integer("deadline", limits_.default_deadline.count(), 1, limits_.max_deadline.count()));
    job->total = 2 * job->replicates;
    if (!work) throw HttpError{503, "scenario runs need `cohesion serve` (a work queue)"};
    {
        std::lock_guard lock(registry_->mutex);
        auto& jobs = registry_->jobs;
        while (jobs.size() >= limits_.max_jobs) {
            const auto old = std::find_if(jobs.begin(), jobs.end(), [](const auto& j) { return finished(j->state); });
            if (old == jobs.end()) {
                HttpResponse busy = json_error(429, fmt::format("{} scenario runs are queued or running; try again "
                                                                "shortly or cancel one",
                                                                jobs.size()));
                busy.headers.emplace_back("Retry-After", "30");
                return busy;
            }
            jobs.erase(old);
        }
        do job->id = new_id();
        while (registry_->find(job->id));
        job->deadline = std::chrono::steady_clock::now() + job->deadline_after;
        jobs.push_back(job);
    }
    std::weak_ptr<Registry> weak = registry_;
    auto compute = [weak, job, &served](std::stop_token queue_stop) -> HttpResponse {
        const auto registry = weak.lock();
        if (!registry) return json_error(503, "the server is shutting down");
        {
            std::lock_guard lock(registry->mutex);
            if (job->state != JobState::queued) return json_error(409, "the run is no longer queued");
            job->state = JobState::running;
        }
        // The queue's stop (its deadline, shutdown, an abandoned ticket) stops the run too.
        std::stop_callback forward(queue_stop, [job] { job->stop.request_stop(); });
        WhatIfRequest r;
        r.years = job->years;
        r.replicates = job->replicates;
        r.seed = job->seed;
        r.stop = job->stop.get_token();
        r.progress = [registry, job](std::size_t done, std::size_t total) {
            std::lock_guard lock(registry->mutex);
            job->done = done;
            job->total = total;
            if (std::chrono::steady_clock::now() >= job->deadline && done < total) {
                job->timed_out = true;
                job->stop.request_stop();
            }
        };
        auto fail = [&](const std::string& message) {
            std::lock_guard lock(registry->mutex);
            if (job->cancel_requested) job->state = JobState::cancelled;
            else job->state = JobState::failed, job->error = message;
            return json_error(500, message);
        };
        try {
            const WhatIf w = run_what_if(served.town, served.parameters, served.scenarios, r, served.notes, job->scenario);
            nlohmann::json result = nlohmann::json::parse(without_server_paths(render_json(what_if_tables(w, r.top))));
            std::lock_guard lock(registry->mutex);
            job->result = std::move(result);
            job->state = job->cancel_requested ? JobState::cancelled : JobState::done;
            return HttpResponse{};
        } catch (const Cancelled&) {
            return fail(job->timed_out ? fmt::format("the run passed its deadline of {} s and was stopped; ask for "
                                                     "fewer replicates or a later deadline",
                                                     job->deadline_after.count())
                                       : std::string("the run was stopped by the server (its time limit or shutdown)"));
        } catch (const Error& e) {
            return fail(without_server_paths(e.what()));
        } catch (const std::exception& e) {
            std::cerr << "cohesion serve: internal error in scenario run " << job->id << ": " << e.what() << "\n";
            return fail("internal error");
        }
    };
    // Answers the queue gives without running the job (it waited past the queue's deadline,
    // or the server is stopping) mark it failed.
    auto deliver = [weak, job](HttpResponse response) {
        const auto registry = weak.lock();
        if (!registry) return;
        std::lock_guard lock(registry->mutex);
        if (job->state == JobState::queued) {
            job->state = job->cancel_requested ? JobState::cancelled : JobState::failed;
            const auto body = nlohmann::json::parse(response.body, nullptr, false);
            job->error = body.is_object() && body.contains("error") ? body["error"].get<std::string>() : "not run";
        }
    };
    WorkQueue::Ticket ticket = work->submit("scenario-run:" + job->id, true, compute, deliver);
    std::lock_guard lock(registry_->mutex);
    if (!ticket) {
        registry_->jobs.remove(job);
        HttpResponse busy = json_error(503, "too many expensive requests are queued; try again shortly");
        busy.headers.emplace_back("Retry-After", "10");
        return busy;
    }
    job->ticket = ticket;
    HttpResponse r = json_answer(202, describe(*job));
    r.headers.emplace_back("Location", "/api/scenario-runs/" + job->id);
    return r;
}

HttpResponse ScenarioJobs::status(const std::string& id) const {
    if (!well_formed_id(id)) return json_error(404, "no such scenario run (ids are 32 hex digits from POST /api/scenario-runs)");
    std::lock_guard lock(registry_->mutex);
    const auto job = registry_->find(id);
    if (!job) return json_error(404, "no such scenario run (finished runs are kept for a while only)");
    HttpResponse r = json_answer(200, describe(*job));
    if (!finished(job->state)) r.headers.emplace_back("Retry-After", "1");
    return r;
}

HttpResponse ScenarioJobs::cancel(const std::string& id, WorkQueue* work) {
    if (!well_formed_id(id)) return json_error(404, "no such scenario run (ids are 32 hex digits from POST /api/scenario-runs)");
    WorkQueue::Ticket ticket;
    nlohmann::json answer;
    {
        std::lock_guard lock(registry_->mutex);
        const auto job = registry_->find(id);
        if (!job) return json_error(404, "no such scenario run");
        if (job->state == JobState::done || job->state == JobState::failed)
            return json_error(409, fmt::format("the run has already {}", job->state == JobState::done ? "finished" : "failed"));
        job->cancel_requested = true;
        job->state = JobState::cancelled;
        job->stop.request_stop();
        ticket = job->ticket;
        answer = describe(*job);
    }
    if (work && ticket) work->abandon(ticket);  // a queued run leaves the queue; a running one stops
    return json_answer(200, answer);
}

}  // namespace cohesion
