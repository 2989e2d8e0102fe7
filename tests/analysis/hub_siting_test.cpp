#include "analysis/hub_siting.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/error_of.hpp"
#include "support/shared_data.hpp"

namespace cohesion {
namespace {

const std::string data = COHESION_EXAMPLE_DATA;

const CensusTopics& lsoa_census() {
    static const CensusTopics census({data + "/bedford/census2021_oa", {}, "lsoa21cd"});
    return census;
}

const AreaLayer& lsoas() {
    static const AreaLayer layer = load_area_layer(data + "/bedford/lsoa2021.geojson");
    return layer;
}

std::string write_points(const std::string& name, const std::vector<NamedSite>& points, double shift_lat) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream out(path);
    out << "area,lon,lat\n";
    for (const auto& p : points) out << p.name << "," << fmt::format("{:.9f},{:.9f}", p.lon, p.lat + shift_lat) << "\n";
    return path.string();
}

TEST(HubSiting, DemandPointsReplaceThePointOnSurfaceByAreaCode) {
    HubSitingOptions o;
    o.p = 2;
    const auto plain = hub_siting(lsoa_census(), lsoas(), o);
    // The same points, read from a file: the same solution.
    const auto surface = area_points_on_surface(lsoas());
    const std::string same = write_points("same_points.csv", surface, 0.0);
    o.demand_points = load_demand_points(same, lsoas());
    o.demand_points_label = same;
    const auto again = hub_siting(lsoa_census(), lsoas(), o);
    ASSERT_EQ(plain[1].rows.size(), again[1].rows.size());
    for (std::size_t i = 0; i < plain[1].rows.size(); ++i)
        EXPECT_NEAR(std::get<double>(plain[1].rows[i][3]), std::get<double>(again[1].rows[i][3]), 0.05);  // metres, after a WGS 84 round trip
    EXPECT_NE(again[0].notes[0].find("same_points.csv for"), std::string::npos) << again[0].notes[0];
    // Points named by codes of another geography: refused, naming a study-area code.
    std::vector<NamedSite> wrong = surface;
    for (auto& p : wrong) p.name = "X" + p.name;
    o.demand_points = wrong;
    EXPECT_NE(error_of([&] { hub_siting(lsoa_census(), lsoas(), o); }).find("no demand point has the code"),
              std::string::npos);
}

TEST(HubSiting, AutoFallsBackToTheHeuristicWhenCbcFindsNothingInTime) {
    HubSitingOptions o;
    o.model = "p-median";
    o.p = 8;
    o.time_limit = 1e-6;  // CBC cannot even start: as on a machine busy with other requests
    const auto results = hub_siting(lsoa_census(), lsoas(), o);
    bool fell_back = false;
    for (const auto& n : results[0].notes) fell_back = fell_back || n.find("so the heuristic was used") != std::string::npos;
    EXPECT_TRUE(fell_back);
    EXPECT_EQ(results[0].rows.size(), 8u);
    o.solver = "exact";  // asked for exactly: no silent substitute
    EXPECT_NE(error_of([&] { hub_siting(lsoa_census(), lsoas(), o); }).find("CBC found no solution"), std::string::npos);
}

TEST(HubSiting, NationalBoundariesOfferOnlyTheStudyAreasAsCandidates) {
    const AreaLayer national = load_area_layer((test::shared_data_dir() / "ew_boundaries" / "lsoa2021.gpkg").string());
    const CensusTopics luton({(test::shared_data_dir() / "ew2021_oa").string(), {"lad22nm=Luton"}, "lsoa21cd"});
    HubSitingOptions o;
    const auto results = hub_siting(luton, national, o);
    EXPECT_EQ(results[1].rows.size(), 125u);  // Luton's 2021 LSOAs
    EXPECT_NE(results[0].notes[1].find("candidates: 125 "), std::string::npos) << results[0].notes[1];
    // A site in Bedford lies inside the national layer but outside the study: refused.
    const auto sites = std::filesystem::temp_directory_path() / "luton_sites.csv";
    std::ofstream(sites) << "name,lon,lat\nLuton library,-0.4166,51.8787\nBedford library,-0.4650,52.1365\n";
    o.candidates = sites.string();
    EXPECT_NE(error_of([&] { hub_siting(luton, national, o); }).find("outside every study area"), std::string::npos);
    o.allow_outside = true;
    o.p = 2;
    EXPECT_EQ(hub_siting(luton, national, o)[1].rows.size(), 125u);
}

TEST(HubSiting, DemandPointLayersAreNamedByTheirAreaCodeField) {
    // As ONS publishes population-weighted centroids: an LSOA21CD field beside others.
    const auto surface = area_points_on_surface(lsoas());
    const auto path = std::filesystem::temp_directory_path() / "pwc.geojson";
    std::ofstream out(path);
    out << R"({"type":"FeatureCollection","features":[)";
    for (std::size_t k = 0; k < 3; ++k)
        out << (k ? "," : "") << R"({"type":"Feature","properties":{"FID":)" << k << R"(,"LSOA21CD":")"
            << surface[k].name << R"(","LSOA21NM":"x"},"geometry":{"type":"Point","coordinates":[)"
            << fmt::format("{:.9f},{:.9f}", surface[k].lon, surface[k].lat) << "]}}";
    out << "]}";
    out.close();
    const auto points = load_demand_points(path.string(), lsoas());
    ASSERT_EQ(points.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(points[k].name, surface[k].name);
}

TEST(HubSiting, DemandPointFileErrorsNameTheLine) {
    const auto path = std::filesystem::temp_directory_path() / "bad_points.csv";
    std::ofstream(path) << "area,lon,lat\nE01017540,-0.46,north\n";
    EXPECT_NE(error_of([&] { load_demand_points(path.string(), lsoas()); }).find(":2: column 'lat'"), std::string::npos);
}

}  // namespace
}  // namespace cohesion
