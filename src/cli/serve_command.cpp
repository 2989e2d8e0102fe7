// `cohesion serve`: the JSON API and the web dashboard over datasets loaded at start-up.
// Bound to 127.0.0.1 unless told otherwise; Ctrl-C stops it cleanly.
#include <fmt/format.h>

#include <sys/resource.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "change/lookup_harmonisation_job.hpp"
#include "project/project_errors.hpp"
#include "project/project_file.hpp"
#include "project/study_from_project.hpp"
#include "study/study.hpp"
#include "study/study.hpp"
#include "server/api.hpp"
#include "server/http_server.hpp"
#include "server/served_atlas.hpp"
#include "server/town_datasets.hpp"
#include "server/work_queue.hpp"

namespace cohesion::cli {

namespace {

// Connections are file descriptors: take the hard limit the operator allows, and keep the
// connection cap below it so that accept() never fails for want of one.
std::size_t raise_descriptor_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
    return static_cast<std::size_t>(limit.rlim_cur);
}

// The project's two censuses on one geography, harmonised as `cohesion run` does it.
ServedChange served_change(const StudyChangeSpec& c) {
    StudyChangeInputs in = load_study_change(c, false);
    ServedChange out;
    out.earlier = std::move(in.earlier.table);
    out.later = std::move(in.later);
    out.label_earlier = in.label_earlier;
    out.label_later = in.label_later;
    out.years = c.years;
    out.earlier_year = c.earlier_year;
    out.later_year = c.later_year;
    return out;
}

struct ServeOptions {
    std::vector<std::string> datasets, projects, census, census_where;
    std::string census_aggregate;
    std::string host = "127.0.0.1", web;
    std::string atlas, national_data;
    bool national = false;
    std::size_t towns = 8;
    int port = 8080;
    ApiOptions api;
    WorkLimits work;
    HttpServerLimits http;
    double timeout_seconds = 60.0, request_seconds = 10.0;
};

// The dashboard built by CMake (web/dist copied beside the binary), if present.
std::string default_web_folder() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const auto web = exe.parent_path() / "web";
    return std::filesystem::is_directory(web / "", ec) ? web.string() : std::string();
}

}  // namespace

void add_serve_command(CLI::App& app) {
    auto o = std::make_shared<ServeOptions>();
    auto* command = app.add_subcommand(
        "serve", "HTTP JSON API (/api/..., OpenAPI at /api/openapi.json) and web map dashboard over the given datasets");
    command->add_option("--dataset,-d", o->datasets,
                        "NAME=TABLE or NAME=TABLE@BOUNDARIES, e.g. bedford=data/bedford/oa2011_ethnicity.csv@"
                        "data/bedford/oa2011.geojson (repeatable)");
    command->add_option("--project", o->projects,
                        "Serve the table and boundaries of a project file, with its [change] and [targeting] sections and its [[scenario]] blocks (scenario runs; repeatable)");
    command->add_option("--census", o->census,
                        "NAME=FOLDER or NAME=FOLDER@BOUNDARIES: Census 2021 OA tables for dataset NAME's targeting "
                        "endpoints, e.g. bedford=data/bedford/census2021_oa@data/bedford/lsoa2021.geojson (repeatable)");
    command->add_option("--census-where", o->census_where, "LEVEL=VALUE filter of the --census tables, e.g. lad22nm=Bedford");
    command->add_option("--census-aggregate", o->census_aggregate,
                        "Sum the --census output areas to a lookup level first, e.g. lsoa21cd");
    command->add_option("--atlas", o->atlas,
                        "A finished atlas folder (`cohesion atlas --out DIR`) for /api/atlas and the dashboard's "
                        "national view");
    command->add_flag("--national", o->national,
                      "Build any local authority's dataset on demand from the national tables (/api/town?name=...), "
                      "no project file needed");
    command->add_option("--national-data", o->national_data,
                        "Shared national data folder for --national (default: $COHESION_SHARED_DATA, else ../shared/data)");
    command->add_option("--towns", o->towns, "Towns built on demand kept in memory at once (least recently used go)")
        ->default_val(8)->check(CLI::Range(1, 400));
    command->add_option("--host", o->host, "Address to listen on (0.0.0.0 exposes the server to the network)")
        ->default_val("127.0.0.1");
    command->add_option("--port", o->port, "Port")->default_val(8080)->check(CLI::Range(1, 65535));
    command->add_option("--token", o->api.token, "Require 'Authorization: Bearer TOKEN' on /api/ requests");
    command->add_option("--web", o->web, "Dashboard folder (default: the one built beside the binary)");
    command->add_option("--allow-host", o->api.allowed_hosts,
                        "Without --token, answer requests whose Host header is this name too (besides localhost and "
                        "IP addresses; guards against DNS rebinding). Repeatable");
    command->add_option("--max-connections", o->http.max_connections,
                        "Open connections in all; at the cap the oldest idle ones are closed first")
        ->default_val(1024)->check(CLI::Range(8, 1000000));
    command->add_option("--max-per-address", o->http.max_connections_per_address,
                        "Open connections from one client address")
        ->default_val(256)->check(CLI::Range(1, 1000000));
    command->add_option("--request-timeout", o->request_seconds,
                        "Seconds a client has to send a whole request (also the keep-alive idle time)")
        ->default_val(10)->check(CLI::Range(0.1, 3600.0));
    command->add_option("--timeout", o->timeout_seconds,
                        "Seconds a computation may take, queueing included, before it is stopped (503)")
        ->default_val(60)->check(CLI::Range(0.1, 86400.0));
    command->add_option("--queue", o->work.heavy_queue,
                        "Expensive requests (bootstrap, permutations, hubs, change) that may wait; more are refused "
                        "with 503 and Retry-After")
        ->default_val(8)->check(CLI::Range(1, 10000));
    command->callback([o] {
        DatasetCatalog catalog;
        for (const auto& spec : o->datasets) catalog.add(spec);
        for (const auto& path : o->projects) {
            const Project p = load_project(path);
            // A dataset name travels in URLs: "Milton Keynes" is served as "Milton-Keynes".
            std::string name = p.name.empty() ? std::filesystem::path(path).stem().string() : p.name;
            for (char& ch : name)
                if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_' && ch != '-') ch = '-';
            const StudySpec study = study_spec(p);
            try {  // an error in a project's inputs is named by its key and line in the file
                catalog.add(name, study.table, p.boundaries);
                catalog.set_study(name, study);
                if (study.change) catalog.add_change(name, served_change(*study.change), p.change->boundaries);
                if (study.what_if) {  // the [[scenario]] blocks: POST /api/scenario-runs
                    StudyWhatIfInputs in = load_study_what_if(*study.what_if);
                    ServedScenarios served;
                    served.town = std::move(in.town);
                    served.parameters = std::move(in.parameters);
                    served.notes = std::move(in.notes);
                    served.scenarios = study.what_if->scenarios;
                    served.replicates = study.what_if->replicates;
                    served.years = study.what_if->years;
                    served.seed = study.what_if->seed;
                    catalog.add_scenarios(name, std::move(served));
                }
                if (p.targeting) {
                    const auto& t = *p.targeting;
                    catalog.add_census(name, CensusSource{t.census, t.where.empty() ? std::vector<std::string>{}
                                                                                    : std::vector<std::string>{t.where},
                                                          t.aggregate},
                                       t.boundaries);
                }
                // After the census and change: their areas are named too (hubs by place).
                if (!p.places.empty() && !p.boundaries.empty()) catalog.set_places(name, p.places);
            } catch (const Error& e) {
                throw project_error(p, e);
            }
        }
        for (const auto& spec : o->census) catalog.add_census(spec, o->census_where, o->census_aggregate);
        if (!o->atlas.empty()) catalog.set_atlas(std::make_shared<const ServedAtlas>(load_served_atlas(o->atlas)));
        if (o->national) {
            std::string data = o->national_data;
            if (data.empty()) {
                const char* env = std::getenv("COHESION_SHARED_DATA");
                data = env && *env ? env : "../shared/data";
            }
            catalog.set_towns(std::make_shared<TownDatasets>(data, o->towns));
        }
        if (catalog.empty())
            throw Error(Location{"", 0, "--dataset"}, "give at least one --dataset, --project, --atlas or --national");
        o->api.web_folder = o->web.empty() ? default_web_folder() : o->web;
        o->api.bound_host = o->host;
        const std::size_t descriptors = raise_descriptor_limit();
        o->http.max_connections = std::min(o->http.max_connections, descriptors > 128 ? descriptors - 64 : 64);
        o->http.request_deadline = std::chrono::milliseconds(static_cast<long>(o->request_seconds * 1000));
        o->work.deadline = std::chrono::milliseconds(static_cast<long>(o->timeout_seconds * 1000));
        WorkQueue work(o->work);
        o->api.health_counts = [&work] {
            const auto c = work.counts();
            return std::vector<std::pair<std::string, std::size_t>>{
                {"light_queued", c.light_queued}, {"light_running", c.light_running},
                {"heavy_queued", c.heavy_queued}, {"heavy_running", c.heavy_running}};
        };
        o->api.work = &work;
        const Api api(catalog, o->api);
        HttpServer server(api, work, o->http);
        server.listen(o->host, o->port);
        std::cerr << fmt::format("cohesion: serving {} dataset(s) on http://{}:{}/{}{}\n", catalog.all().size(),
                                 o->host, o->port, o->api.web_folder.empty() ? " (API only: no dashboard files)" : "",
                                 o->api.token.empty() ? "" : " (bearer token required)")
                  << std::flush;
        server.run();  // until SIGINT/SIGTERM
        // Running computations were told to stop; one inside a solver may not notice for a
        // few seconds, and nobody is waiting for it any more.
        if (!work.shutdown(std::chrono::milliseconds(3000))) {
            std::cerr << "cohesion: stopped (a computation was still running)\n" << std::flush;
            std::_Exit(0);
        }
        std::cerr << "cohesion: stopped\n" << std::flush;
    });
}

}  // namespace cohesion::cli
