#include "server/api.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cmath>
#include <limits>
#include <iostream>

#include "analysis/group_labels.hpp"
#include "core/cancellation.hpp"
#include "core/error.hpp"
#include "geo/geojson_features.hpp"
#include "report/classification.hpp"
#include "server/api_error_terms.hpp"
#include "server/api_routes.hpp"
#include "server/dashboard_files.hpp"
#include "server/request_text.hpp"
#include "server/response_cache.hpp"
#include "server/town_datasets.hpp"
#include "server/scenario_jobs.hpp"

namespace cohesion {

HttpResponse json_error(int status, std::string_view message, std::string_view parameter) {
    HttpResponse r;
    r.status = status;
    nlohmann::json body{{"error", printable(message)}};
    if (!parameter.empty()) body["parameter"] = printable(parameter);
    r.body = body.dump();
    return r;
}

// ---- helpers shared by the route files ----

const ServedDataset& dataset_of(const DatasetCatalog& catalog, const ApiParameters& p) {
    const std::string name = p.text("dataset");
    if (name.empty()) throw HttpError{400, "parameter 'dataset' is required (see /api/datasets)", "dataset"};
    if (const ServedDataset* d = catalog.find(name)) return *d;
    if (const TownDatasets* towns = catalog.towns(); towns && name.rfind("town:", 0) == 0) {
        auto town = towns->find(name);
        if (!town)
            throw HttpError{404, "town '" + printable(name.substr(5, 100)) + "' is not open: GET /api/town?name=" +
                                     printable(name.substr(5, 100)) + " builds it"};
        p.hold(town);
        return *town;
    }
    throw HttpError{404, "no dataset '" + printable(name.substr(0, 100)) + "' (see /api/datasets)"};
}

std::string required_group(const ApiParameters& p) {
    const std::string group = p.text("group");
    if (group.empty()) throw HttpError{400, "parameter 'group' is required", "group"};
    return group;
}

void check_layer_format(const ApiParameters& p) {
    const std::string format = p.text("format", "json");
    if (format != "json" && format != "csv" && format != "geojson")
        throw HttpError{400, "parameter 'format' must be json, csv or geojson", "format"};
}

// The map classes of every numeric column (report/classification.hpp: the report's own
// classification, so the dashboard colours the same data as the report does), as a
// foreign member of the FeatureCollection: "classes": {column: {"breaks": [...], "colours": [...]}}.
std::string with_classes(std::string geojson, const ResultTable& t) {
    nlohmann::json classes = nlohmann::json::object();
    for (std::size_t c = 1; c < t.columns.size(); ++c) {
        std::vector<double> values;
        bool numeric = false;
        for (const auto& row : t.rows) {
            const double v = c < row.size() ? cell_number(row[c]) : std::numeric_limits<double>::quiet_NaN();
            numeric = numeric || std::isfinite(v);
            values.push_back(v);
        }
        if (!numeric) continue;
        const MapClasses m = map_classes(values);
        classes[t.columns[c]] = {{"breaks", m.breaks}, {"colours", m.colours}};
    }
    std::string members = "\"classes\":" + classes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ",";
    geojson.insert(1, members);
    return geojson;
}

std::map<std::string, std::string> group_labels(const std::vector<std::string>& groups) {
    std::map<std::string, std::string> out;
    for (const auto& g : groups) out[g] = group_label(g).short_name;
    return out;
}

std::string respond_layer(const std::optional<ServedGeography>& geography, const std::string& format,
                          const ResultTable& per_area, const std::vector<ResultTable>& tables, std::string& type) {
    if (format == "geojson") {
        if (!geography) throw HttpError{400, "format=geojson needs boundaries, and these results have none"};
        type = "application/geo+json";
        if (geography->place_of.empty()) return with_classes(features_geojson(per_area, geography->geojson), per_area);
        // With a place layer (a project's [report] places), each area also carries its place
        // name, so people can find it by name.
        ResultTable named = per_area;
        named.columns.push_back("place");
        for (auto& row : named.rows) {
            const auto* code = row.empty() ? nullptr : std::get_if<std::string>(&row[0]);
            const auto it = code ? geography->place_of.find(*code) : geography->place_of.end();
            row.resize(named.columns.size() - 1);
            row.push_back(it == geography->place_of.end() ? Cell{} : Cell{it->second});
        }
        return with_classes(features_geojson(named, geography->geojson), named);
    }
    if (format == "csv") {
        type = "text/csv";
        return render_csv(per_area);
    }
    type = "application/json";
    return render_json(tables);
}

// ---- guards ----

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// "name:port", "[v6]:port", "name" -> name (without brackets).
std::string host_name_of(const std::string& host) {
    if (!host.empty() && host.front() == '[') {
        const auto close = host.find(']');
        return close == std::string::npos ? host : host.substr(1, close - 1);
    }
    const auto colon = host.rfind(':');
    return lower(colon == std::string::npos ? host : host.substr(0, colon));
}

bool ip_literal(const std::string& name) {
    unsigned char buffer[16];
    return inet_pton(AF_INET, name.c_str(), buffer) == 1 || inet_pton(AF_INET6, name.c_str(), buffer) == 1;
}

bool same_secret(const std::string& a, const std::string& b) {
    // Constant time in the content: a wrong token is not found faster by its first byte.
    if (a.size() != b.size()) return false;  // the length of "Bearer " + token is no secret worth hiding
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace

bool host_allowed(const std::string& host, const std::string& bound_host, const std::vector<std::string>& allowed) {
    if (host.empty()) return true;  // not a browser (browsers always send Host)
    const std::string name = host_name_of(host);
    if (name == "localhost" || ip_literal(name) || name == lower(bound_host)) return true;
    return std::any_of(allowed.begin(), allowed.end(), [&](const std::string& a) { return lower(a) == name; });
}

// ---- the API ----

struct Api::State {
    RouteTable routes;
    DashboardFiles dashboard;
    ResponseCache cache;
    mutable ScenarioJobs scenario_runs;
    State(std::size_t cache_bytes, const DatasetCatalog& catalog) : cache(cache_bytes), scenario_runs(catalog) {}
};

Api::Api(const DatasetCatalog& catalog, ApiOptions options)
    : catalog_(catalog), options_(std::move(options)), state_(std::make_unique<State>(options_.cache_bytes, catalog)) {
    add_dataset_routes(state_->routes, catalog_, options_);
    add_spatial_routes(state_->routes, catalog_, options_);
    add_targeting_routes(state_->routes, catalog_, options_);
    add_national_routes(state_->routes, catalog_, options_);
    if (!options_.web_folder.empty()) state_->dashboard = DashboardFiles(options_.web_folder);
}

Api::~Api() = default;

ApiPlan Api::plan(const HttpRequest& request) const {
    if (!request.headers_valid_utf8) return json_error(400, "a request header is not valid UTF-8");
    if (request.repeated_host) return json_error(400, "the request has more than one Host header");
    RequestTarget target;
    try {
        target = parse_request_target(request.target);
    } catch (const RequestTextError& e) {
        return json_error(400, e.message);
    }
    // Scenario runs are resources: POST creates one, GET reads it, DELETE cancels it.
    const std::string runs = "/api/scenario-runs";
    const bool run_list = target.path == runs, run_item = target.path.rfind(runs + "/", 0) == 0;
    const std::string allow = run_list ? "POST" : run_item ? "GET, DELETE" : "GET";
    const bool allowed = run_list ? request.method == "POST"
                         : run_item ? request.method == "GET" || request.method == "DELETE"
                                    : request.method == "GET";
    if (!allowed) {
        HttpResponse r = json_error(405, allow == "GET" ? std::string("only GET is supported")
                                                        : "this path supports " + allow);
        r.headers.emplace_back("Allow", allow);
        return r;
    }
    if (options_.token.empty() && !host_allowed(request.host, options_.bound_host, options_.allowed_hosts))
        return json_error(403, fmt::format("Host '{}' is not allowed (a server without --token answers only "
                                           "localhost, IP addresses and --allow-host names)",
                                           printable(request.host.substr(0, 100))));
    const bool api = target.path.rfind("/api/", 0) == 0 || target.path == "/api";
    if (!api) {
        if (const HttpResponse* file = state_->dashboard.find(target.path)) return *file;
        return json_error(404, "no such path: " + printable(target.path.substr(0, 200)));
    }
    if (target.path == "/api/health") {
        if (!target.query.empty()) return json_error(400, "unknown parameter; /api/health takes none");
        nlohmann::json health{{"status", "ok"}, {"version", COHESION_VERSION}};
        if (options_.health_counts)
            for (const auto& [name, count] : options_.health_counts()) health["work"][name] = count;
        return HttpResponse{200, "application/json", health.dump(), {}};
    }
    if (!options_.token.empty() && !same_secret(request.authorization, "Bearer " + options_.token))
        return json_error(401, "missing or wrong bearer token (Authorization: Bearer ...)");
    if (run_list || run_item || target.path == "/api/scenarios") {
        try {
            auto& jobs = state_->scenario_runs;
            if (target.path == "/api/scenarios") {
                if (!target.query.empty()) return json_error(400, "unknown parameter; /api/scenarios takes none");
                return jobs.list();
            }
            if (run_list) return jobs.start(ApiParameters(target.query, ScenarioJobs::parameters()), options_.work);
            if (!target.query.empty()) return json_error(400, "unknown parameter; a scenario run's URL takes none");
            const std::string id = target.path.substr(runs.size() + 1);
            return request.method == "DELETE" ? jobs.cancel(id, options_.work) : jobs.status(id);
        } catch (const HttpError& e) {
            return json_error(e.status, e.message);
        }
    }
    const auto route = state_->routes.find(target.path);
    if (route == state_->routes.end()) return json_error(404, "no such endpoint: " + printable(target.path.substr(0, 200)));
    try {
        const ApiParameters parameters(target.query, route->second.parameters);
        std::string key = target.path + "?" + parameters.canonical();
        if (auto cached = state_->cache.get(key)) return *cached;
        PreparedWork work = route->second.prepare(parameters);
        ApiJob job;
        job.key = key;
        job.heavy = work.heavy;
        job.compute = [state = state_.get(), key, compute = std::move(work.compute), show_paths = work.show_paths,
                       cacheable = work.cacheable, held = parameters.held()](std::stop_token stop) {
            try {
                HttpResponse r;
                // Notes and labels say which files were read; the client sees their names only.
                r.body = compute(r.content_type, stop);
                if (!show_paths) r.body = without_server_paths(r.body);
                if (cacheable) state->cache.put(key, r);
                return r;
            } catch (const Cancelled&) {
                throw;
            } catch (const HttpError& e) {
                return json_error(e.status, e.message, e.parameter);
            } catch (const Error& e) {
                return api_error(e);  // analyses reject impossible requests with Error; named as parameters
            } catch (const std::exception& e) {
                std::cerr << "cohesion serve: internal error in " << key << ": " << e.what() << "\n";
                return json_error(500, "internal error");
            }
        };
        return job;
    } catch (const HttpError& e) {
        return json_error(e.status, e.message, e.parameter);
    } catch (const Error& e) {
        return api_error(e);
    } catch (const std::exception& e) {
        std::cerr << "cohesion serve: internal error: " << e.what() << "\n";
        return json_error(500, "internal error");
    }
}

HttpResponse Api::answer(const HttpRequest& request, std::stop_token stop) const {
    ApiPlan p = plan(request);
    if (auto* r = std::get_if<HttpResponse>(&p)) return *r;
    try {
        return std::get<ApiJob>(p).compute(stop);
    } catch (const Cancelled&) {
        return json_error(503, "the request was cancelled");
    }
}

}  // namespace cohesion
