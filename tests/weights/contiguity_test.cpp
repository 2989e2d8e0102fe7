#include "weights/contiguity.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/error.hpp"
#include "support/reference_weights.hpp"
#include "support/shared_data.hpp"

using namespace cohesion;

namespace {

std::size_t pairs(const Weights& w) { return w.links() / 2; }

// A 3×3 lattice of unit squares as GeoJSON, codes c<row><col>.
std::string lattice_geojson() {
    std::string features;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            const double x = c, y = r;
            features += std::string(features.empty() ? "" : ",") +
                        "{\"type\":\"Feature\",\"properties\":{\"code\":\"c" + std::to_string(r) + std::to_string(c) +
                        "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" +
                        std::to_string(x) + "," + std::to_string(y) + "],[" + std::to_string(x + 1) + "," +
                        std::to_string(y) + "],[" + std::to_string(x + 1) + "," + std::to_string(y + 1) + "],[" +
                        std::to_string(x) + "," + std::to_string(y + 1) + "],[" + std::to_string(x) + "," +
                        std::to_string(y) + "]]]}}";
        }
    return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
}

std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("cohesion_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace

TEST(Contiguity, LatticeQueenAndRookByHand) {
    // Small lon/lat squares near (0, 0): projected to a UTM zone automatically.
    const auto layer = load_area_layer(write_temp("lattice.geojson", lattice_geojson()));
    ASSERT_EQ(layer.size(), 9u);
    EXPECT_EQ(layer.code_field, "code");
    const Weights queen = contiguity_weights(layer);
    const Weights rook = contiguity_weights(layer, {Contiguity::rook, 0.0});
    EXPECT_EQ(queen.cardinality(4), 8u);  // centre
    EXPECT_EQ(queen.cardinality(0), 3u);  // corner
    EXPECT_EQ(queen.cardinality(1), 5u);  // edge
    EXPECT_EQ(rook.cardinality(4), 4u);
    EXPECT_EQ(rook.cardinality(0), 2u);
    EXPECT_EQ(pairs(queen), 20u);  // 12 rook pairs + 8 diagonal pairs
    EXPECT_EQ(pairs(rook), 12u);
}

TEST(Contiguity, BedfordQueenEqualsTheReferenceGal) {
    const auto layer = load_area_layer((test::shared_data_dir() / "bedford" / "oa2011.geojson").string());
    ASSERT_EQ(layer.size(), 501u);
    EXPECT_EQ(layer.code_field, "OA11CD");
    EXPECT_EQ(layer.crs, "EPSG:27700");
    EXPECT_EQ(layer.repaired, (std::vector<std::string>{"E00088287"}));
    const Weights queen = contiguity_weights(layer);
    EXPECT_EQ(pairs(queen), 1469u);
    EXPECT_TRUE(queen.islands().empty());
    const Weights reference = test::reference_queen_weights(layer.codes);
    for (std::size_t i = 0; i < layer.size(); ++i) {
        std::vector<std::size_t> ours(queen.neighbours_of(i).begin(), queen.neighbours_of(i).end());
        std::vector<std::size_t> theirs(reference.neighbours_of(i).begin(), reference.neighbours_of(i).end());
        std::sort(theirs.begin(), theirs.end());
        EXPECT_EQ(ours, theirs) << layer.codes[i];
    }
    const Weights rook = contiguity_weights(layer, {Contiguity::rook, 0.0});
    EXPECT_EQ(rook.links(), 2854u);
    EXPECT_EQ(pairs(queen) - pairs(rook), 42u);
    // Land area of the borough (the README gives 476.40 km² for the union).
    double area = 0.0;
    for (double a : layer.area_km2) area += a;
    EXPECT_NEAR(area, 476.4, 0.05);
}

TEST(Contiguity, NationalLsoaCountsMatchTheBoundaryReadme) {
    const auto layer = load_area_layer((test::shared_data_dir() / "ew_boundaries" / "lsoa2011.gpkg").string());
    ASSERT_EQ(layer.size(), 34753u);
    const Weights queen = contiguity_weights(layer);
    EXPECT_EQ(pairs(queen), 101999u);
    EXPECT_EQ(pairs(contiguity_weights(layer, {Contiguity::rook, 0.0})), 100143u);
    const auto islands = queen.islands();
    ASSERT_EQ(islands.size(), 1u);
    EXPECT_EQ(layer.codes[islands[0]], "E01019077");
}

TEST(GeoLayer, BadInputIsNamed) {
    auto message = [](const std::string& path, AreaLayerOptions o = {}) {
        try {
            load_area_layer(path, o);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message(write_temp("broken.geojson", "{\"type\": \"FeatureCollection\", \"features\": [")).find("cannot open as a vector layer"),
              std::string::npos);
    const std::string points = write_temp(
        "points.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"a"},"geometry":{"type":"Point","coordinates":[0,0]}}]})");
    EXPECT_NE(message(points).find("area 'a' is a Point, expected a Polygon or MultiPolygon"), std::string::npos) << message(points);
    const std::string duplicate = write_temp(
        "dup.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},{"type":"Feature","properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]})");
    EXPECT_NE(message(duplicate).find(":2: column 'code': duplicate area code 'a'"), std::string::npos) << message(duplicate);
    AreaLayerOptions o;
    o.code_field = "nope";
    EXPECT_NE(message(duplicate, o).find("unknown code field; the layer has: code"), std::string::npos);
    EXPECT_NE(message("/nonexistent.gpkg").find("cannot open"), std::string::npos);
}

TEST(GeoLayer, DegeneratePolygonIsAnErrorNotACrash) {
    // A "polygon" whose ring is a line: MakeValid turns it into a line string (found by the fuzzer).
    const std::string flat = write_temp(
        "flat.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[2,0],[0,0]]]}}]})");
    try {
        load_area_layer(flat);
        FAIL() << "degenerate polygon accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("area 'a' has no area"), std::string::npos) << e.what();
    }
}

TEST(GeoLayer, CoordinatesOutsideLongitudeLatitudeAreNamed) {
    // A CRS84 file with a longitude of -1e44 (found by the fuzzer): it used to reach the
    // UTM-zone choice and overflow an int.
    const std::string far = write_temp(
        "far.geojson",
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[)"
        R"({"type":"Feature","properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[-0.4,52.1],[-0.39,52.1],[-0.39,52.11],[-0.4,52.1]]]}},)"
        R"({"type":"Feature","properties":{"code":"b"},"geometry":{"type":"Polygon","coordinates":[[[-0.4,52.1],[-1e44,52.1],[-0.39,52.11],[-0.4,52.1]]]}}]})");
    try {
        load_area_layer(far);
        FAIL() << "out-of-range coordinates accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(":2: column 'code': area 'b' has coordinates"), std::string::npos) << e.what();
    }
}
