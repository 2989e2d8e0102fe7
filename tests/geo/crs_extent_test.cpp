#include "geo/area_layer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/error_of.hpp"

using namespace cohesion;
namespace fs = std::filesystem;

namespace {

// One square area, with the CRS named in the (pre-RFC 7946) GeoJSON "crs" member, which GDAL honours.
fs::path square_layer(const std::string& name, const std::string& crs, double x, double y, double size) {
    const auto dir = fs::temp_directory_path() / ("cohesion_crs_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path) << R"({"type":"FeatureCollection","name":")" << fs::path(name).stem().string()
                        << R"(","crs":{"type":"name","properties":{"name":")" << crs
                        << R"("}},"features":[{"type":"Feature","properties":{"code":"A1"},"geometry":{"type":"Polygon","coordinates":[[[)"
                        << x << "," << y << "],[" << x + size << "," << y << "],[" << x + size << "," << y + size
                        << "],[" << x << "," << y + size << "],[" << x << "," << y << "]]]}}]}";
    return path;
}

}  // namespace

// Issue 11 item 16: lon/lat declared as British National Grid were accepted, so a
// profile D at 250 m came out as 1.7e-05 instead of 0.654.
TEST(CrsExtent, DegreesDeclaredAsMetresAreRefused) {
    const auto path = square_layer("bedford_bng.geojson", "urn:ogc:def:crs:EPSG::27700", -0.47, 52.13, 0.01);
    const auto message = error_of([&] { load_area_layer(path.string()); });
    EXPECT_NE(message.find("layer 'bedford_bng' declares"), std::string::npos) << message;
    EXPECT_NE(message.find("EPSG:27700"), std::string::npos) << message;
    EXPECT_NE(message.find("look like longitude/latitude degrees"), std::string::npos) << message;
}

TEST(CrsExtent, BritishNationalGridOutsideItsRangeIsRefused) {
    // Web Mercator metres for Bedford (x is negative) labelled as BNG.
    const auto path = square_layer("mercator_as_bng.geojson", "urn:ogc:def:crs:EPSG::27700", -52000, 6824000, 500);
    const auto message = error_of([&] { load_area_layer(path.string()); });
    EXPECT_NE(message.find("outside the grid's 0 .. 700000 E, 0 .. 1300000 N"), std::string::npos) << message;
}

TEST(CrsExtent, PlausibleLayersLoad) {
    const auto bng = square_layer("real_bng.geojson", "urn:ogc:def:crs:EPSG::27700", 505000, 249000, 300);
    EXPECT_NEAR(load_area_layer(bng.string()).area_km2[0], 0.09, 1e-9);
    const auto lonlat = square_layer("real_lonlat.geojson", "urn:ogc:def:crs:OGC:1.3:CRS84", -0.47, 52.13, 0.01);
    EXPECT_EQ(load_area_layer(lonlat.string()).crs, "EPSG:27700");
}
