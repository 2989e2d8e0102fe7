// `cohesion serve`: the JSON API and the web dashboard over datasets loaded at start-up.
// Bound to 127.0.0.1 unless told otherwise; Ctrl-C stops it cleanly.
#include <fmt/format.h>

#include <netinet/tcp.h>

#include <cctype>
#include <csignal>
#include <filesystem>
#include <iostream>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "change/lookup_harmonisation_job.hpp"
#include "project/project_file.hpp"
#include "server/api.hpp"

namespace cohesion::cli {

namespace {

httplib::Server* running = nullptr;

void stop_on_signal(int) {
    if (running) running->stop();
}

TableInput input_of(const ProjectTable& t) {
    TableInput in;
    in.path = t.path;
    if (!t.layout.empty()) in.layout = parse_input_layout(t.layout);
    in.where = t.where;
    in.aggregate_to = t.aggregate;
    in.residual_name = t.residual;
    in.merges = t.merge;
    in.scheme_path = t.scheme;
    in.groups = t.groups;
    in.percent_of = t.percent_of;
    in.levels_from = t.levels_from;
    return in;
}

// The project's two censuses on one geography, harmonised as `cohesion run` does it.
ServedChange served_change(const ProjectChange& c) {
    LookupHarmonisationJob job;
    job.lookup = c.lookup;
    job.options.from_column = c.from_column;
    job.options.to_column = c.to_column;
    job.options.change_column = c.change_column;
    job.weights_table = c.weights_table;
    ServedChange out;
    out.earlier = harmonise_with_lookup(load_table(input_of(c.earlier)), job).table;
    TableInput later = input_of(c.later);
    if (later.groups.empty()) later.groups = out.earlier.group_names();
    out.later = load_table(later);
    out.label_earlier = c.earlier.path + " (harmonised through " + c.lookup + ")";
    out.label_later = c.later.path;
    out.years = c.years;
    return out;
}

struct ServeOptions {
    std::vector<std::string> datasets, projects, census, census_where;
    std::string census_aggregate;
    std::string host = "127.0.0.1", web;
    int port = 8080;
    ApiOptions api;
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
                        "Serve the table and boundaries of a project file, with its [change] and [targeting] sections (repeatable)");
    command->add_option("--census", o->census,
                        "NAME=FOLDER or NAME=FOLDER@BOUNDARIES: Census 2021 OA tables for dataset NAME's targeting "
                        "endpoints, e.g. bedford=data/bedford/census2021_oa@data/bedford/lsoa2021.geojson (repeatable)");
    command->add_option("--census-where", o->census_where, "LEVEL=VALUE filter of the --census tables, e.g. lad22nm=Bedford");
    command->add_option("--census-aggregate", o->census_aggregate,
                        "Sum the --census output areas to a lookup level first, e.g. lsoa21cd");
    command->add_option("--host", o->host, "Address to listen on (0.0.0.0 exposes the server to the network)")
        ->default_val("127.0.0.1");
    command->add_option("--port", o->port, "Port")->default_val(8080)->check(CLI::Range(1, 65535));
    command->add_option("--token", o->api.token, "Require 'Authorization: Bearer TOKEN' on /api/ requests");
    command->add_option("--web", o->web, "Dashboard folder (default: the one built beside the binary)");
    command->callback([o] {
        DatasetCatalog catalog;
        for (const auto& spec : o->datasets) catalog.add(spec);
        for (const auto& path : o->projects) {
            const Project p = load_project(path);
            // A dataset name travels in URLs: "Milton Keynes" is served as "Milton-Keynes".
            std::string name = p.name.empty() ? std::filesystem::path(path).stem().string() : p.name;
            for (char& ch : name)
                if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_' && ch != '-') ch = '-';
            catalog.add(name, input_of(p.table), p.boundaries);
            if (p.change) catalog.add_change(name, served_change(*p.change), p.change->boundaries);
            if (p.targeting) {
                const auto& t = *p.targeting;
                catalog.add_census(name, CensusSource{t.census, t.where.empty() ? std::vector<std::string>{}
                                                                                : std::vector<std::string>{t.where},
                                                      t.aggregate},
                                   t.boundaries);
            }
        }
        for (const auto& spec : o->census) catalog.add_census(spec, o->census_where, o->census_aggregate);
        if (catalog.empty()) throw Error(Location{"", 0, "--dataset"}, "give at least one --dataset or --project");
        o->api.web_folder = o->web.empty() ? default_web_folder() : o->web;
        httplib::Server server;
        server.set_payload_max_length(64 * 1024);  // the API is GET-only; nothing needs a big body
        server.set_read_timeout(5, 0);
        server.set_write_timeout(30, 0);
        server.set_keep_alive_max_count(1000);
        // SO_REUSEADDR only: cpp-httplib's default SO_REUSEPORT would let a second server
        // share a busy port silently instead of reporting it. TCP_NODELAY (inherited by
        // accepted sockets on Linux): small JSON answers otherwise wait ~40 ms for
        // delayed ACKs.
        server.set_socket_options([](socket_t sock) {
            int yes = 1;
            setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
            setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
        });
        // cpp-httplib gives each keep-alive connection a worker for its lifetime, so the pool
        // bounds concurrent clients, not CPU use: a small pool makes the 9th client wait.
        server.new_task_queue = [] { return new httplib::ThreadPool(64); };
        install_api(server, catalog, o->api);
        if (!server.bind_to_port(o->host, o->port))
            throw Error(Location{"", 0, "--port"},
                        fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", o->host, o->port));
        running = &server;
        std::signal(SIGINT, stop_on_signal);
        std::signal(SIGTERM, stop_on_signal);
        std::cerr << fmt::format("cohesion: serving {} dataset(s) on http://{}:{}/{}{}\n", catalog.all().size(),
                                 o->host, o->port, o->api.web_folder.empty() ? " (API only: no dashboard files)" : "",
                                 o->api.token.empty() ? "" : " (bearer token required)")
                  << std::flush;
        server.listen_after_bind();
        running = nullptr;
    });
}

}  // namespace cohesion::cli
