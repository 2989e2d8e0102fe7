#pragma once
// The JSON API of `cohesion serve` (see docs/api.md and /api/openapi.json). Every
// parameter is checked against the endpoint's list and type; errors are JSON
// {"error": "..."} with 400 (bad parameter), 401 (token), 404 (unknown dataset or
// path) or 500. Results of identical requests come from a cache.
#include <httplib.h>

#include <string>

#include "server/dataset_catalog.hpp"

namespace cohesion {

struct ApiOptions {
    std::string token;        // empty = no authentication
    std::string web_folder;   // dashboard files served at /; empty = none
    std::size_t cache_entries = 512;
    int max_bootstrap = 1000;
    int max_permutations = 9999;
    double solver_seconds = 5.0;  // time limit of the hub-siting solver per request
};

// Registers the routes; `catalog` must outlive the server.
void install_api(httplib::Server& server, const DatasetCatalog& catalog, const ApiOptions& options);

// The OpenAPI 3.0 description of the routes.
std::string openapi_document();

}  // namespace cohesion
