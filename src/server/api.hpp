#pragma once
// The JSON API of `cohesion serve` (docs/http-api.md; /api/openapi.json), independent of
// the transport: a request (GET; POST and DELETE for scenario runs, server/scenario_jobs.hpp)
// becomes either an immediate answer (errors, health, cached
// results, dashboard files) or a job for the WorkQueue. Every parameter is checked before
// any work is queued; errors are JSON {"error": "..."} with 400 (bad request), 401
// (token), 403 (Host not allowed), 404 (unknown dataset or path), 405, 409, 429, 503 (busy) or 500,
// and never name a file on the server.
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <variant>
#include <vector>

#include "server/dataset_catalog.hpp"
#include "server/http_message.hpp"
#include "server/work_queue.hpp"

namespace cohesion {

struct ApiOptions {
    std::string token;        // empty = no authentication (then the Host header is checked)
    std::string web_folder;   // dashboard files served at /; empty = none
    std::string bound_host = "127.0.0.1";
    std::vector<std::string> allowed_hosts;  // extra Host names accepted without a token
    std::size_t cache_bytes = 256u << 20;
    int max_bootstrap = 1000;
    int max_permutations = 9999;
    double solver_seconds = 5.0;  // time limit of the hub-siting solver per request
    // Extra fields of /api/health (e.g. the work queue's counts); optional.
    std::function<std::vector<std::pair<std::string, std::size_t>>()> health_counts;
    // Where scenario runs (POST /api/scenario-runs) are queued: the server's heavy pool.
    // Null: scenario runs answer 503.
    WorkQueue* work = nullptr;
};

// An answer that needs computing. `key` identifies the request (path and canonical
// parameters): identical requests share one computation and one cache entry.
struct ApiJob {
    std::string key;
    bool heavy = false;  // bootstrap, permutations, hubs, change: the bounded heavy queue
    std::function<HttpResponse(std::stop_token)> compute;  // caches its answer; may throw Cancelled
};

using ApiPlan = std::variant<HttpResponse, ApiJob>;

class Api {
public:
    Api(const DatasetCatalog& catalog, ApiOptions options);
    ~Api();
    Api(const Api&) = delete;
    Api& operator=(const Api&) = delete;

    // Never throws: every client mistake is an immediate HttpResponse.
    ApiPlan plan(const HttpRequest& request) const;
    // plan() and, for a job, its computation on this thread (fuzz target, tests).
    HttpResponse answer(const HttpRequest& request, std::stop_token stop = {}) const;

    const ApiOptions& options() const { return options_; }

private:
    struct State;
    const DatasetCatalog& catalog_;
    ApiOptions options_;
    std::unique_ptr<State> state_;
};

// The OpenAPI 3.0 description of the routes.
std::string openapi_document();

// True when a request with this Host header may be answered without a token: no Host,
// an IP literal, localhost, the bound address, or one of `allowed` (names are compared
// case-insensitively, the port ignored). Names other than these are how DNS rebinding
// reaches a server on loopback from a web page.
bool host_allowed(const std::string& host, const std::string& bound_host, const std::vector<std::string>& allowed);

}  // namespace cohesion
