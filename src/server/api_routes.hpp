#pragma once
// The routes of the API, registered by topic (api_routes_*.cpp). Each route checks its
// parameters in `prepare` — cheap, on the network thread, so a bad request is a 400
// before anything is queued — and returns the computation to run on a worker.
#include <functional>
#include <map>
#include <set>
#include <stop_token>
#include <string>
#include <vector>

#include "output/result_table.hpp"
#include "server/api.hpp"
#include "server/api_parameters.hpp"

namespace cohesion {

struct PreparedWork {
    bool heavy = false;
    // Returns the body; sets `content_type` when it is not JSON.
    std::function<std::string(std::string& content_type, const std::stop_token& stop)> compute;
    bool show_paths = false;  // true only for answers whose paths are URLs, not files (OpenAPI)
    bool cacheable = true;    // false for answers about server state that may change (a town leaving its cache)
};

struct Route {
    std::set<std::string> parameters;
    std::function<PreparedWork(const ApiParameters&)> prepare;
};

using RouteTable = std::map<std::string, Route>;

void add_dataset_routes(RouteTable& routes, const DatasetCatalog& catalog, const ApiOptions& options);
void add_spatial_routes(RouteTable& routes, const DatasetCatalog& catalog, const ApiOptions& options);
void add_targeting_routes(RouteTable& routes, const DatasetCatalog& catalog, const ApiOptions& options);
void add_national_routes(RouteTable& routes, const DatasetCatalog& catalog, const ApiOptions& options);

// Shared by the route files. A town built on demand ("town:NAME") is held alive by `p`
// for the request's computation (ApiParameters::hold).
const ServedDataset& dataset_of(const DatasetCatalog& catalog, const ApiParameters& p);
// `geojson` with the map classes of `t`'s numeric columns as a foreign member "classes".
std::string with_classes(std::string geojson, const ResultTable& t);
std::string required_group(const ApiParameters& p);
// Each group in people's words ({"OtherWhite": "Other White"}), for the dashboard (the
// dataset listings: /api/datasets, /api/town).
std::map<std::string, std::string> group_labels(const std::vector<std::string>& groups);
// json: every table; csv: the per-area table; geojson: the per-area table on the polygons.
// `format` is checked by check_layer_format in prepare.
void check_layer_format(const ApiParameters& p);
std::string respond_layer(const std::optional<ServedGeography>& geography, const std::string& format,
                          const ResultTable& per_area, const std::vector<ResultTable>& tables, std::string& type);

}  // namespace cohesion
