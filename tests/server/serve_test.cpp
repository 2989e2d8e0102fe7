// `cohesion serve` end to end: a real server process on a free port, driven with the
// cpp-httplib client — API answers, parameter validation, path traversal, token, cache
// and concurrent requests.
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <signal.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "cli/run_cli.hpp"
#include "server/serve_process.hpp"

using namespace cohesion::test;

namespace {

nlohmann::json json_of(const httplib::Result& r) { return nlohmann::json::parse(r->body); }

}  // namespace

std::string census_options() {
    const std::string data = COHESION_EXAMPLE_DATA;
    return "--census bedford=" + data + "/bedford/census2021_oa@" + data + "/bedford/lsoa2021.geojson --census-aggregate lsoa21cd";
}

TEST(Serve, ApiAnswersAndRejectsBadRequests) {
    Server server(census_options());
    auto c = server.client();
    auto datasets = c.Get("/api/datasets");
    ASSERT_TRUE(datasets);
    EXPECT_EQ(datasets->status, 200);
    EXPECT_EQ(json_of(datasets)[0]["areas"], 501);

    auto d = c.Get("/api/indices?dataset=bedford&index=dissimilarity&group=Pakistani");
    ASSERT_TRUE(d);
    ASSERT_EQ(d->status, 200) << d->body;
    // Same number as `cohesion indices` (tested against pysal/R elsewhere).
    const auto cli = run_cli("indices " + example_table() + " --index dissimilarity --group Pakistani --format json");
    EXPECT_DOUBLE_EQ(json_of(d)["rows"][0]["value"].get<double>(),
                     nlohmann::json::parse(cli.out)["rows"][0]["value"].get<double>());

    auto geo = c.Get("/api/areas?dataset=bedford&format=geojson");
    ASSERT_TRUE(geo);
    EXPECT_EQ(geo->status, 200);
    EXPECT_EQ(geo->get_header_value("Content-Type"), "application/geo+json");
    EXPECT_EQ(json_of(geo)["features"].size(), 501u);
    // The report's classification rides along (the dashboard's legend is this, not its own).
    const auto classes = json_of(geo)["classes"]["Pakistani_share"];
    EXPECT_EQ(classes["breaks"].size(), 6u);
    EXPECT_EQ(classes["colours"][0], "#440154");

    // The ranking's top group is the report's key-figure group (tests/cli: Bangladeshi).
    auto ranking = c.Get("/api/ranking?dataset=bedford&bootstrap=20");
    ASSERT_TRUE(ranking);
    ASSERT_EQ(ranking->status, 200) << ranking->body;
    EXPECT_EQ(json_of(ranking)["top"], "Bangladeshi");

    auto enclaves = c.Get("/api/enclaves?dataset=bedford&group=Pakistani&permutations=99");
    ASSERT_TRUE(enclaves);
    EXPECT_EQ(enclaves->status, 200) << enclaves->body;

    for (const char* bad : {"/api/indices", "/api/indices?dataset=bedford&bootstrap=-1",
                            "/api/indices?dataset=bedford&bootstrap=1e9", "/api/indices?dataset=bedford&index=nonsense",
                            "/api/indices?dataset=bedford&group=Nobody", "/api/indices?dataset=bedford&evil=1",
                            "/api/hotspots?dataset=bedford", "/api/areas?dataset=bedford&format=xml",
                            "/api/indices?dataset=bedford&level=NOPE"}) {
        auto r = c.Get(bad);
        ASSERT_TRUE(r) << bad;
        EXPECT_EQ(r->status, 400) << bad << " " << r->body;
        EXPECT_TRUE(json_of(r).contains("error")) << bad;
    }
    auto unknown = c.Get("/api/indices?dataset=../../etc/passwd");
    EXPECT_EQ(unknown->status, 404);
    for (const char* path : {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/../../etc/passwd"}) {
        auto r = c.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_NE(r->status, 200) << path;
        EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
    }
    auto openapi = c.Get("/api/openapi.json");
    ASSERT_TRUE(openapi);
    int answered = 0, skipped = 0, own_tests = 0;
    const auto document = json_of(openapi);  // kept: a range-for over a temporary's member dangles
    for (const auto& [path, _] : document["paths"].items()) {
        // /api/change needs a project with [change] (its own test below), /api/findings a project
        // (endpoint_twins_test); scenario runs are POSTed jobs (scenario_runs_test.cpp).
        if (path == "/api/change" || path == "/api/findings" || path.rfind("/api/scenario-runs", 0) == 0) {
            ++own_tests;
            continue;
        }
        // Need serve --atlas / --national: tests/cli/cli_national_view_test.cpp. Without them, 404 saying so.
        if (path == "/api/atlas" || path == "/api/town") {
            auto r = c.Get(path == "/api/town" ? path + "?name=Bedford" : path);
            ASSERT_TRUE(r) << path;
            EXPECT_EQ(r->status, 404) << path;
            EXPECT_NE(r->body.find(path == "/api/atlas" ? "--atlas" : "--national"), std::string::npos) << r->body;
            ++skipped;
            continue;
        }
        auto r = c.Get(path + (path == "/api/indices" || path == "/api/local" || path == "/api/areas" || path == "/api/ranking" ||
                                       path.rfind("/api/target/", 0) == 0
                                   ? "?dataset=bedford"
                                   : path == "/api/hotspots" || path == "/api/enclaves"
                                         ? "?dataset=bedford&group=Pakistani&permutations=99"
                                         : path == "/api/multilevel" ? "?dataset=bedford&levels=OA,LSOA,MSOA&group=Pakistani"
                                                                     : ""));
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 200) << path << " " << r->body.substr(0, 200);
        ++answered;
    }
    EXPECT_EQ(own_tests, 4);
    EXPECT_EQ(answered + skipped + own_tests, static_cast<int>(document["paths"].size()));
    // A dataset given with --dataset has no study behind it: findings say so, naming the fix.
    auto findings = c.Get("/api/findings?dataset=bedford");
    ASSERT_TRUE(findings);
    EXPECT_EQ(findings->status, 400);
    EXPECT_NE(findings->body.find("serve --project"), std::string::npos) << findings->body;
}

TEST(Serve, ConcurrentRequestsAgree) {
    Server server;
    std::vector<std::future<std::string>> answers;
    for (int k = 0; k < 16; ++k)
        answers.push_back(std::async(std::launch::async, [&server, k] {
            auto c = server.client();
            auto r = c.Get("/api/indices?dataset=bedford&index=dissimilarity,isolation&bootstrap=" +
                           std::to_string(10 + k % 2));
            return r && r->status == 200 ? r->body : std::string("failed");
        }));
    std::vector<std::string> bodies;
    for (auto& a : answers) bodies.push_back(a.get());
    for (std::size_t k = 0; k < bodies.size(); ++k) {
        EXPECT_NE(bodies[k], "failed");
        EXPECT_EQ(bodies[k], bodies[k % 2]);  // same request, same answer (seeded, cached or not)
    }
}

TEST(Serve, BearerTokenAndPortInUse) {
    Server server("--token s3cret");
    auto c = server.client();
    EXPECT_EQ(c.Get("/api/health")->status, 200);  // liveness stays open
    auto denied = c.Get("/api/datasets");
    EXPECT_EQ(denied->status, 401);
    httplib::Headers auth{{"Authorization", "Bearer s3cret"}};
    EXPECT_EQ(c.Get("/api/datasets", auth)->status, 200);
    httplib::Headers wrong{{"Authorization", "Bearer nope"}};
    EXPECT_EQ(c.Get("/api/datasets", wrong)->status, 401);

    const auto busy = run_cli("serve --port " + std::to_string(server.port()) + " --dataset x=" + example_table());
    EXPECT_EQ(busy.exit_code, 1);
    EXPECT_NE(busy.err.find("cannot listen"), std::string::npos) << busy.err;
    const auto none = run_cli("serve --port 1");
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_NE(none.err.find("--dataset"), std::string::npos) << none.err;
    const auto bad = run_cli("serve --dataset nonsense");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("NAME=TABLE"), std::string::npos) << bad.err;
}

TEST(Serve, TargetingEndpointsMatchTheCommandLine) {
    Server server(census_options());
    auto c = server.client();
    const std::string data = COHESION_EXAMPLE_DATA;
    const std::string census = " --census " + data + "/bedford/census2021_oa --aggregate lsoa21cd";
    auto esol = c.Get("/api/target/esol?dataset=bedford&weights=need:0.5,isolation:0.5&top=5");
    ASSERT_TRUE(esol);
    ASSERT_EQ(esol->status, 200) << esol->body;
    const auto cli = run_cli("target esol" + census + " --score-weights need=0.5,isolation=0.5 --top 5 --format json");
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    // Same tables; the notes differ only in that the API names files without their folders.
    const auto api_tables = json_of(esol), cli_tables = nlohmann::json::parse(cli.out);
    ASSERT_EQ(api_tables.size(), cli_tables.size());
    for (std::size_t t = 0; t < api_tables.size(); ++t) {
        EXPECT_EQ(api_tables[t]["columns"], cli_tables[t]["columns"]) << t;
        EXPECT_EQ(api_tables[t]["rows"], cli_tables[t]["rows"]) << t;
        EXPECT_EQ(api_tables[t]["notes"].size(), cli_tables[t]["notes"].size()) << t;
        EXPECT_EQ(api_tables[t].dump().find(COHESION_EXAMPLE_DATA), std::string::npos) << "a server path leaked";
    }

    auto licensing = c.Get("/api/target/licensing?dataset=bedford&format=geojson");
    ASSERT_TRUE(licensing);
    ASSERT_EQ(licensing->status, 200) << licensing->body;
    const auto features = json_of(licensing)["features"];
    EXPECT_GT(features.size(), 90u);
    EXPECT_TRUE(features[0]["properties"].contains("private_rented_share"));

    auto hubs = c.Get("/api/target/hubs?dataset=bedford&hubs=2&distance=1000");
    ASSERT_TRUE(hubs);
    ASSERT_EQ(hubs->status, 200) << hubs->body;
    EXPECT_EQ(json_of(hubs)[0]["rows"].size(), 2u);

    for (const char* bad : {"/api/target/esol?dataset=bedford&weights=need:x", "/api/target/esol?dataset=bedford&top=0",
                            "/api/target/esol?dataset=bedford&neighbourhood=ward",
                            "/api/target/licensing?dataset=bedford&min_private_rented=2",
                            "/api/target/hubs?dataset=bedford&hubs=500", "/api/target/hubs?dataset=bedford&model=magic",
                            "/api/target/hubs?dataset=bedford&demand=cats"}) {
        auto r = c.Get(bad);
        ASSERT_TRUE(r) << bad;
        EXPECT_EQ(r->status, 400) << bad << " " << r->body;
    }
}

TEST(Serve, TargetingWithoutCensusTablesIsAClearError) {
    Server plain;
    auto none = plain.client().Get("/api/target/esol?dataset=bedford");
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 400);
    EXPECT_NE(none->body.find("without census tables"), std::string::npos) << none->body;
}

TEST(Serve, ChangeEndpointMatchesTheCommandLineOnTheProject) {
    const std::string data = COHESION_EXAMPLE_DATA;
    Server server("--project " + data + "/bedford/bedford.toml");
    auto c = server.client();
    auto change = c.Get("/api/change?dataset=Bedford");
    ASSERT_TRUE(change);
    ASSERT_EQ(change->status, 200) << change->body;
    const auto api = json_of(change);

    // The same two steps `cohesion run` takes.
    const auto harmonised = scratch_dir() / "earlier_on_later.csv";
    const auto h = run_cli("harmonise " + data + "/bedford/oa2011_ethnicity.csv --scheme " + data +
                           "/schemes/ethnicity2011_broad5.csv --aggregate LSOA --lookup " + data +
                           "/bedford/lookup_lsoa11_lsoa21.csv --from-column lsoa11_code --to-column lsoa21_code "
                           "--change-column change_code --weights-table " + data + "/bedford/lsoa2021_ethnic5.csv -o " +
                           harmonised.string());
    ASSERT_EQ(h.exit_code, 0) << h.err;
    const auto cli = run_cli("change " + harmonised.string() + " " + data + "/bedford/lsoa2021_ethnic5.csv --scheme-b " +
                             data + "/schemes/ethnicity2021_broad5.csv --format json");
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    const auto expected = nlohmann::json::parse(cli.out);
    ASSERT_EQ(api.size(), expected.size());
    for (std::size_t t = 0; t < api.size(); ++t) {
        ASSERT_EQ(api[t]["rows"].size(), expected[t]["rows"].size()) << t;
        for (std::size_t r = 0; r < api[t]["rows"].size(); ++r)
            for (const auto& [k, v] : expected[t]["rows"][r].items()) {
                if (v.is_number()) {
                    EXPECT_NEAR(api[t]["rows"][r][k].get<double>(), v.get<double>(), 1e-9) << t << " " << k;
                } else {
                    EXPECT_EQ(api[t]["rows"][r][k], v) << t << " " << k;
                }
            }
    }
    auto layer = c.Get("/api/change?dataset=Bedford&format=geojson");
    ASSERT_TRUE(layer);
    ASSERT_EQ(layer->status, 200) << layer->body;
    EXPECT_EQ(json_of(layer)["features"].size(), expected.back()["rows"].size());
    // The project's places name the later census's areas too, and its years head the columns.
    EXPECT_FALSE(json_of(layer)["features"][0]["properties"].value("place", "").empty()) << layer->body.substr(0, 400);
    const auto datasets = json_of(c.Get("/api/datasets"));
    EXPECT_EQ(datasets[0]["change_years"], nlohmann::json::array({2011, 2021})) << datasets.dump();
    EXPECT_EQ(datasets[0]["group_labels"]["OtherWhite"], "Other White") << datasets.dump();
    EXPECT_EQ(c.Get("/api/change?dataset=Bedford&top=2")->status, 400);
    EXPECT_EQ(c.Get("/api/change?dataset=bedford")->status, 400);  // the --dataset one has no change
}

TEST(Serve, ProjectNamesBecomeUrlSafeDatasetNames) {
    const std::string data = COHESION_EXAMPLE_DATA;
    const auto project = scratch_dir() / "borough.toml";
    std::ofstream(project) << "[project]\nname = \"Bedford Borough\"\n[table]\npath = \"" << data
                           << "/bedford/oa2011_ethnicity.csv\"\n";
    Server server("--project " + project.string());
    auto datasets = server.client().Get("/api/datasets");
    ASSERT_TRUE(datasets);
    bool found = false;
    for (const auto& d : json_of(datasets)) found = found || d["name"] == "Bedford-Borough";
    EXPECT_TRUE(found) << datasets->body;
}
