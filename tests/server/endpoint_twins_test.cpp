// Every computing endpoint of the API has a CLI twin computed by the same library
// function (issue 12): the server is started on the bundled Bedford project and each
// endpoint's JSON is compared, table by table, with its command's `--format json`
// (columns and rows; notes differ only in that the API names files without folders).
// The list of routes comes from the API's own OpenAPI document, so a new endpoint without
// a twin here fails the test.
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

#include "cli/json_data.hpp"
#include "cli/run_cli.hpp"
#include "cli/small_atlas.hpp"
#include "server/serve_process.hpp"

using namespace cohesion::test;

TEST(ServeTwins, EveryEndpointEqualsItsCommand) {
    const std::string data = COHESION_EXAMPLE_DATA;
    const std::string atlas = small_atlas().string();  // /api/atlas reads a finished atlas back
    Server server("--project " + data + "/bedford/bedford.toml --atlas " + atlas, 7);
    auto c = server.client();
    const std::string table = data + "/bedford/oa2011_ethnicity.csv", oa = data + "/bedford/oa2011.geojson",
                      census = " --census " + data + "/bedford/census2021_oa --aggregate lsoa21cd",
                      lsoa = data + "/bedford/lsoa2021.geojson";
    // The [change] section's harmonised table, made by `harmonise` as `run --dry-run` lists it.
    const auto harmonised = scratch_dir() / "twins_earlier_on_later.csv";
    ASSERT_EQ(run_cli("harmonise " + table + " --scheme " + data + "/schemes/ethnicity2011_broad5.csv --aggregate LSOA "
                      "--lookup " + data + "/bedford/lookup_lsoa11_lsoa21.csv --from-column lsoa11_code --to-column "
                      "lsoa21_code --change-column change_code --weights-table " + data +
                      "/bedford/lsoa2021_ethnic5.csv -o " + harmonised.string())
                  .exit_code,
              0);
    const std::string change = "change " + harmonised.string() + " " + data + "/bedford/lsoa2021_ethnic5.csv --scheme-b " +
                               data + "/schemes/ethnicity2021_broad5.csv";
    struct Twin {
        std::string url, command;
    };
    // The project's [table]: the file's 14 groups and the residual, Gypsy or Irish Traveller.
    const std::string study_table = table + " --residual GypsyTraveller";
    const std::vector<Twin> twins = {
        {"/api/indices?dataset=Bedford", "indices " + study_table + " --no-simulated"},
        {"/api/indices?dataset=Bedford&group=Pakistani&bootstrap=20&seed=5",
         "indices " + study_table + " --no-simulated -g Pakistani --bootstrap 20 --seed 5"},
        {"/api/indices?dataset=Bedford&level=LSOA&index=dissimilarity",
         "indices " + study_table + " --no-simulated --aggregate LSOA -i dissimilarity"},
        {"/api/local?dataset=Bedford", "local " + study_table},
        {"/api/local?dataset=Bedford&level=MSOA", "local " + study_table + " --aggregate MSOA"},
        {"/api/areas?dataset=Bedford", "local " + study_table + " --shares"},
        {"/api/areas?dataset=Bedford&level=LSOA", "local " + study_table + " --shares --level LSOA"},
        {"/api/hotspots?dataset=Bedford&group=Pakistani&permutations=99",
         "hotspots " + study_table + " -b " + oa + " -g Pakistani --permutations 99"},
        {"/api/enclaves?dataset=Bedford&group=Pakistani&permutations=99",
         "enclaves " + study_table + " -b " + oa + " -g Pakistani --permutations 99"},
        {"/api/change?dataset=Bedford", change},
        {"/api/multilevel?dataset=Bedford&levels=OA,LSOA,MSOA&group=Pakistani&versus=WhiteBrit&expected_draws=5",
         "multilevel " + study_table + " --levels OA,LSOA,MSOA -g Pakistani --versus WhiteBrit --expected-draws 5"},
        {"/api/findings?dataset=Bedford", "findings " + data + "/bedford/bedford.toml"},
        {"/api/target/esol?dataset=Bedford", "target esol" + census},
        {"/api/target/licensing?dataset=Bedford", "target licensing" + census + " --boundaries " + lsoa},
        {"/api/target/hubs?dataset=Bedford&hubs=3&distance=800",
         "target hubs" + census + " --boundaries " + lsoa + " -p 3 --distance 800"},
        {"/api/atlas?measure=isolation&group=Indian", "atlas --from " + atlas + " --measure isolation --group Indian"},
    };
    std::set<std::string> covered;
    for (const auto& t : twins) {
        auto api = c.Get(t.url);
        ASSERT_TRUE(api) << t.url;
        ASSERT_EQ(api->status, 200) << t.url << " " << api->body;
        const auto cli = run_cli(t.command + " --format json");
        ASSERT_EQ(cli.exit_code, 0) << t.command << "\n" << cli.err;
        EXPECT_EQ(data_of(nlohmann::json::parse(api->body)), data_of(nlohmann::json::parse(cli.out))) << t.url;
        covered.insert(t.url.substr(0, t.url.find('?')));
    }
    // A scenario run is a job: POST, then its status URL until done; the result is
    // `simulate --scenario` with the project's [simulation] town, data and parameters.
    auto started = c.Post("/api/scenario-runs?dataset=Bedford&scenario=A%20quarter%20of%20private%20renting%20turned"
                          "%20social&replicates=3&years=4&seed=7",
                          "", "text/plain");
    ASSERT_TRUE(started);
    ASSERT_EQ(started->status, 202) << started->body;
    const std::string status_url = nlohmann::json::parse(started->body)["status_url"];
    nlohmann::json run;
    for (int i = 0; i < 600; ++i) {
        auto s = c.Get(status_url);
        ASSERT_TRUE(s);
        run = nlohmann::json::parse(s->body);
        if (run["state"] != "queued" && run["state"] != "running") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_EQ(run["state"], "done") << run.dump().substr(0, 500);
    EXPECT_EQ(run["progress"]["done"], 6);
    const auto sim = run_cli("simulate --town Bedford --data " + data + " --parameters " + data +
                             "/simulation/bedford_parameters.json --scenarios " + data + "/bedford/bedford.toml "
                             "--scenario 'A quarter of private renting turned social' --replicates 3 --years 4 --seed 7 "
                             "--format json");
    ASSERT_EQ(sim.exit_code, 0) << sim.err;
    EXPECT_EQ(data_of(run["result"]), data_of(nlohmann::json::parse(sim.out)));
    covered.insert("/api/scenario-runs");
    covered.insert("/api/scenario-runs/{id}");
    // Every route of the API: computing ones are covered above; the rest describe the service.
    // /api/town builds a dataset (as --project loads one) and says its name; its numbers come
    // from the other endpoints (tests/cli/cli_national_view_test.cpp compares them).
    const std::set<std::string> service{"/api/openapi.json", "/api/datasets", "/api/health", "/api/town",
                                        "/api/scenarios"};
    auto doc = c.Get("/api/openapi.json");
    ASSERT_TRUE(doc);
    for (const auto& [path, item] : nlohmann::json::parse(doc->body)["paths"].items())
        EXPECT_TRUE(covered.count(path) || service.count(path)) << path << " has no CLI twin in this test";
}
