// The national view's back end: a finished atlas read back (`atlas --from`), its static
// choropleth page (atlas.html), the server's /api/atlas, and towns built on demand from the
// national tables (`serve --national`, /api/town) — equal to the commands' numbers, with
// unknown names answered by the nearest ones and a bounded cache of towns.
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "cli/json_data.hpp"
#include "cli/run_cli.hpp"
#include "cli/small_atlas.hpp"
#include "server/serve_process.hpp"

namespace cohesion::test {
namespace {

TEST(CliNationalView, AtlasFromReadsBackTheWrittenRowsAndThePageDrawsEveryMappedAuthority) {
    const auto atlas = small_atlas();
    const CliRun run = run_cli("atlas --from " + atlas.string() + " --measure dissimilarity --group Pakistani --format json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    ASSERT_EQ(j["rows"].size(), 3u);
    // The same estimate as dissimilarity.csv's Bedford Pakistani row, as `atlas --format csv` wrote it.
    const std::string csv = slurp(atlas / "dissimilarity.csv");
    const auto at = csv.find("Bedford,E06000055,East of England,dissimilarity,Pakistani,");
    ASSERT_NE(at, std::string::npos);
    for (const auto& r : j["rows"]) {
        if (r["lad"] != "Bedford") continue;
        EXPECT_EQ(r["code"], "E06000055");
        // Bedford's composition peers, nearest first, as peers.csv lists them.
        const std::string peers = slurp(atlas / "peers.csv");
        std::string expected;
        for (std::size_t at = 0; (at = peers.find("\nBedford,composition,", at)) != std::string::npos; ++at) {
            const std::size_t line_end = peers.find('\n', at + 1);
            const std::string line = peers.substr(at + 1, line_end - at - 1);  // lad,by,order,peer,distance
            std::size_t p = 0;
            for (int k = 0; k < 3; ++k) p = line.find(',', p) + 1;
            expected += (expected.empty() ? "" : "; ") + line.substr(p, line.find(',', p) - p);
        }
        EXPECT_EQ(r["peers"], expected);
        EXPECT_NE(expected.find("Luton"), std::string::npos);
        const std::string line = csv.substr(at, csv.find('\n', at) - at);
        std::size_t start = 0;
        for (int k = 0; k < 7; ++k) start = line.find(',', start) + 1;
        EXPECT_DOUBLE_EQ(r["estimate"].get<double>(), std::stod(line.substr(start)));
    }
    const CliRun bad = run_cli("atlas --from " + atlas.string() + " --measure dissimilarity --group Pakistan");
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_NE(bad.err.find("Pakistani"), std::string::npos) << bad.err;  // lists the groups it has
    EXPECT_NE(run_cli("atlas --from " + (atlas / "nothing").string()).exit_code, 0);

    const std::string page = slurp(atlas / "atlas.html");
    EXPECT_NE(page.find("<svg id=\"map\""), std::string::npos);
    for (const char* code : {"E06000055", "E06000032", "E07000103"})
        EXPECT_NE(page.find(std::string("data-code=\"") + code + "\""), std::string::npos) << code;
    EXPECT_EQ(page.find("http://"), std::string::npos);  // self-contained: nothing fetched
    EXPECT_EQ(page.find("https://"), std::string::npos);
}

TEST(ServeNational, AtlasMapAndTownsBuiltOnDemand) {
    const auto atlas = small_atlas();
    Server server("--atlas " + atlas.string() + " --national --national-data " + shared_data() + " --towns 1", 11);
    auto c = server.client();
    c.set_read_timeout(60, 0);
    auto map = c.Get("/api/atlas?measure=dissimilarity&group=Pakistani&format=geojson");
    ASSERT_TRUE(map);
    ASSERT_EQ(map->status, 200) << map->body;
    const auto geo = nlohmann::json::parse(map->body);
    EXPECT_EQ(geo["features"].size(), 3u);
    EXPECT_EQ(geo["group"], "Pakistani");
    EXPECT_TRUE(geo["classes"].contains("estimate"));
    EXPECT_EQ(geo["measures"].size(), 4u);
    for (const auto& f : geo["features"]) EXPECT_TRUE(f["properties"]["estimate"].is_number()) << f["properties"];
    EXPECT_EQ(c.Get("/api/atlas?measure=segregation")->status, 400);

    // An unknown name: 404 naming the nearest.
    auto typo = c.Get("/api/town?name=Bedfrod");
    ASSERT_TRUE(typo);
    EXPECT_EQ(typo->status, 404);
    EXPECT_NE(typo->body.find("Bedford"), std::string::npos) << typo->body;
    // Before it is opened, a town is not a dataset.
    EXPECT_EQ(c.Get("/api/indices?dataset=town:Bedford")->status, 404);

    auto town = c.Get("/api/town?name=bedford");
    ASSERT_TRUE(town);
    ASSERT_EQ(town->status, 200) << town->body;
    const auto t = nlohmann::json::parse(town->body);
    EXPECT_EQ(t["dataset"], "town:Bedford");
    EXPECT_EQ(t["code"], "E06000055");
    EXPECT_EQ(t["group_labels"]["BlkAfrican"], "Black African") << town->body;  // the dashboard's words
    // Its numbers are the commands' for the same areas (`run --town`: OAs summed to LSOAs).
    auto api = c.Get("/api/indices?dataset=town:Bedford&group=Pakistani&index=dissimilarity");
    ASSERT_EQ(api->status, 200) << api->body;
    const CliRun cli = run_cli("indices " + shared_data() + "/ew2011_oa_ethnicity.csv.gz --where LAD=Bedford "
                               "--aggregate LSOA -g Pakistani -i dissimilarity --no-simulated --format json");
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_EQ(data_of(nlohmann::json::parse(api->body)), data_of(nlohmann::json::parse(cli.out)));
    auto areas = c.Get("/api/areas?dataset=town:Bedford&format=geojson");
    ASSERT_EQ(areas->status, 200);
    EXPECT_EQ(nlohmann::json::parse(areas->body)["features"].size(), 103u);  // Bedford's 2011 LSOAs

    // --towns 1: opening another town lets Bedford go; it is built again on request.
    ASSERT_EQ(c.Get("/api/town?name=Watford")->status, 200);
    EXPECT_EQ(c.Get("/api/local?dataset=town:Bedford")->status, 404);
    EXPECT_EQ(c.Get("/api/local?dataset=town:Watford")->status, 200);
}

}  // namespace
}  // namespace cohesion::test
