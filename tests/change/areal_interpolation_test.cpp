// Areal-weighted interpolation: hand-made squares with known answers (a square split in
// two halves, two squares merged, partial cover, dasymetric points), volume preservation,
// and Bedford LSOA 2011 → 2021 against the lookup-based harmonisation.
#include "change/areal_interpolation.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <numeric>

#include "change/lookup_harmonisation.hpp"
#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "geo/area_overlaps.hpp"
#include "support/bedford.hpp"
#include "support/shared_data.hpp"

using namespace cohesion;

namespace {

struct Box {
    std::string code;
    double x0, y0, x1, y1;  // km offsets from (500000, 200000) in British National Grid
};

// Rectangles as GeoJSON in EPSG:27700, written to a temporary file, loaded as a layer.
AreaLayer layer(const std::string& name, const std::vector<Box>& boxes) {
    std::string features;
    for (const auto& b : boxes) {
        const auto x = [](double km) { return std::to_string(500000.0 + 1000.0 * km); };
        const auto y = [](double km) { return std::to_string(200000.0 + 1000.0 * km); };
        features += (features.empty() ? "" : ",") + std::string("{\"type\":\"Feature\",\"properties\":{\"code\":\"") +
                    b.code + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + x(b.x0) + "," + y(b.y0) +
                    "],[" + x(b.x1) + "," + y(b.y0) + "],[" + x(b.x1) + "," + y(b.y1) + "],[" + x(b.x0) + "," +
                    y(b.y1) + "],[" + x(b.x0) + "," + y(b.y0) + "]]]}}";
    }
    const auto path =
        std::filesystem::temp_directory_path() / ("cohesion_" + std::to_string(::getpid()) + "_" + name + ".geojson");
    std::ofstream(path) << "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                           "\"urn:ogc:def:crs:EPSG::27700\"}},\"features\":["
                        << features << "]}";
    return load_area_layer(path.string());
}

Table counts(const std::vector<std::string>& codes, const std::vector<std::vector<double>>& rows) {
    Table t(codes, {"X", "Y"});
    for (std::size_t i = 0; i < codes.size(); ++i)
        for (std::size_t g = 0; g < 2; ++g) t.column(g)[i] = rows[i][g];
    t.set_source("toy.csv");
    return t;
}

double total(const Table& t) {
    double s = 0.0;
    for (std::size_t g = 0; g < t.groups(); ++g)
        for (double v : t.column(g)) s += v;
    return s;
}

}  // namespace

TEST(ArealInterpolation, SquareSplitInTwoHalves) {
    const auto source = layer("one_square", {{"A", 0, 0, 2, 2}});
    const auto target = layer("two_halves", {{"L", 0, 0, 1, 2}, {"R", 1, 0, 2, 2}});
    const auto r = areal_interpolate(counts({"A"}, {{10, 20}}), source, target);
    ASSERT_EQ(r.table.areas(), 2u);
    EXPECT_EQ(r.table.area_codes(), (std::vector<std::string>{"L", "R"}));
    EXPECT_NEAR(r.table.count(0, 0), 5.0, 1e-9);
    EXPECT_NEAR(r.table.count(1, 1), 10.0, 1e-9);
    EXPECT_EQ(r.report.overlap_pairs, 2u);
    EXPECT_EQ(r.report.partly_covered, 0u);
}

TEST(ArealInterpolation, TwoSquaresMergedAndAnUnevenSplit) {
    const auto source = layer("three", {{"A", 0, 0, 1, 1}, {"B", 1, 0, 2, 1}, {"C", 0, 1, 2, 2}});
    // T1 = A + B; T2 = three quarters of C, T3 = the other quarter.
    const auto target = layer("targets", {{"T1", 0, 0, 2, 1}, {"T2", 0, 1, 1.5, 2}, {"T3", 1.5, 1, 2, 2}});
    const auto r = areal_interpolate(counts({"A", "B", "C"}, {{1, 2}, {3, 4}, {8, 40}}), source, target);
    EXPECT_NEAR(r.table.count(0, 0), 4.0, 1e-9);
    EXPECT_NEAR(r.table.count(0, 1), 6.0, 1e-9);
    EXPECT_NEAR(r.table.count(1, 0), 6.0, 1e-9);
    EXPECT_NEAR(r.table.count(2, 1), 10.0, 1e-9);
    EXPECT_NEAR(total(r.table), 58.0, 1e-9);  // volume preserved
}

TEST(ArealInterpolation, ProgressCountsSourceAreasOverlaidInOrder) {
    const auto source = layer("three_for_progress", {{"A", 0, 0, 1, 1}, {"B", 1, 0, 2, 1}, {"C", 0, 1, 2, 2}});
    const auto target = layer("one_for_progress", {{"T", 0, 0, 2, 2}});
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    ArealInterpolationOptions options;
    options.progress = [&calls](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    areal_interpolate(counts({"A", "B", "C"}, {{1, 2}, {3, 4}, {8, 40}}), source, target, options);
    ASSERT_EQ(calls.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(calls[k], std::make_pair(k + 1, std::size_t{3}));
}

TEST(ArealInterpolation, PeopleOfAPartlyCoveredAreaStayInsideTheTargets) {
    const auto source = layer("square", {{"A", 0, 0, 2, 2}});
    const auto target = layer("half", {{"H", 0, 0, 1, 2}});
    const auto r = areal_interpolate(counts({"A"}, {{10, 20}}), source, target);
    EXPECT_NEAR(r.table.count(0, 0), 10.0, 1e-9);
    EXPECT_EQ(r.report.partly_covered, 1u);
    EXPECT_NEAR(r.report.least_coverage, 0.5, 1e-9);
}

TEST(ArealInterpolation, AreasOutsideEveryTargetAreAnErrorUnlessAllowed) {
    const auto source = layer("apart", {{"A", 0, 0, 1, 1}, {"B", 5, 5, 6, 6}});
    const auto target = layer("only_a", {{"T", 0, 0, 1, 1}});
    const Table t = counts({"A", "B", "Z"}, {{1, 1}, {2, 2}, {3, 3}});
    try {
        areal_interpolate(t, source, target);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("1 areas have no polygon"), std::string::npos) << m;
        EXPECT_NE(m.find("1 overlap no area"), std::string::npos) << m;
        EXPECT_NE(m.find("10 people"), std::string::npos) << m;
    }
    ArealInterpolationOptions allow;
    allow.allow_unmatched = true;
    const auto r = areal_interpolate(t, source, target, allow);
    EXPECT_NEAR(total(r.table), 2.0, 1e-9);
    EXPECT_DOUBLE_EQ(r.report.dropped_people, 10.0);
}

TEST(ArealInterpolation, DasymetricPointsDecideTheSplit) {
    const auto source = layer("one_square_d", {{"A", 0, 0, 2, 2}});
    const auto target = layer("two_halves_d", {{"L", 0, 0, 1, 2}, {"R", 1, 0, 2, 2}});
    // Three quarters of the finer population live in the left half.
    PopulationPoints points{"points", {500500, 500500, 500500, 501500}, {200500, 201500, 201000, 201000}, {1, 1, 1, 1}};
    ArealInterpolationOptions o;
    o.dasymetric = &points;
    const auto r = areal_interpolate(counts({"A"}, {{8, 4}}), source, target, o);
    EXPECT_NEAR(r.table.count(0, 0), 6.0, 1e-9);
    EXPECT_NEAR(r.table.count(1, 1), 1.0, 1e-9);
    EXPECT_EQ(r.report.dasymetric_sources, 1u);
}

TEST(ArealInterpolation, LayersInDifferentCrsAreRefused) {
    const auto source = layer("crs_a", {{"A", 0, 0, 1, 1}});
    AreaLayerOptions utm;
    utm.target_crs = "EPSG:32630";
    const auto path = std::filesystem::temp_directory_path() / ("cohesion_" + std::to_string(::getpid()) + "_crs_a.geojson");
    const auto other = load_area_layer(path.string(), utm);
    EXPECT_THROW(areal_interpolate(counts({"A"}, {{1, 1}}), source, other), Error);
}

TEST(ArealInterpolation, BedfordLsoa2011To2021AgreesWithTheLookupWhereAreasAreUnchanged) {
    const Table lsoa2011 = aggregate(test::bedford_oa_2011(), "LSOA");
    const auto bedford = test::shared_data_dir() / "bedford";
    const auto source = load_area_layer((bedford / "lsoa2011.geojson").string());
    AreaLayerOptions same_crs;
    same_crs.target_crs = source.crs;
    const auto target = load_area_layer((bedford / "lsoa2021.geojson").string(), same_crs);
    const auto r = areal_interpolate(lsoa2011, source, target);
    ASSERT_EQ(r.table.areas(), 117u);
    EXPECT_NEAR(total(r.table), total(lsoa2011), 1e-9 * total(lsoa2011));

    // Unchanged LSOAs keep their code; there the interpolated population should be the
    // 2011 population up to boundary slivers.
    std::size_t unchanged = 0, close = 0;
    const auto persons = lsoa2011.unit_total();
    const auto interpolated = r.table.unit_total();
    for (std::size_t i = 0; i < lsoa2011.areas(); ++i) {
        const auto& codes = r.table.area_codes();
        const auto it = std::find(codes.begin(), codes.end(), lsoa2011.area_codes()[i]);
        if (it == codes.end()) continue;
        ++unchanged;
        if (std::abs(interpolated[it - codes.begin()] - persons[i]) <= 0.02 * persons[i]) ++close;
    }
    EXPECT_EQ(unchanged, 94u);
    EXPECT_GE(close, 90u);
}
