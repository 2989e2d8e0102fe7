// The report's hub map names hubs in words, numbered and ordered as in the hubs table:
// "Hub 1: Queens Park" in the legend, on the markers and for every area served, never the
// LSOA code where a place name is known (issue 13 §3).
#include "report/section_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "geo/place_layer.hpp"

using namespace cohesion;

namespace {

struct HubMap {
    AreaLayer layer = load_area_layer(std::string(COHESION_EXAMPLE_DATA) + "/bedford/lsoa2021.geojson");
    LayerColumn sites, numbers;
    // Areas 0-39 served by the site in area 100 (hub 1), 40-79 by area 5 (hub 2), the rest by area 50 (hub 3).
    HubMap() {
        for (std::size_t i = 0; i < layer.size(); ++i) {
            const std::size_t hub = i < 40 ? 1 : i < 80 ? 2 : 3;
            sites.text[layer.codes[i]] = layer.codes[hub == 1 ? 100 : hub == 2 ? 5 : 50];
            numbers.number[layer.codes[i]] = static_cast<double>(hub);
        }
    }
};

}  // namespace

TEST(SectionMap, HubsAreNamedByPlaceInTheHubsTablesOrder) {
    HubMap h;
    const PlaceLayer wards = load_place_layer(std::string(COHESION_EXAMPLE_DATA) + "/bedford/wards.geojson", h.layer.crs);
    const auto place = place_of_areas(h.layer, wards);
    SectionMapOptions options;
    options.places = &wards;
    options.hub_numbers = &h.numbers;
    options.hub_distance_m = 800;
    const MapFigure m = section_map("Hubs", h.layer, h.sites, "site", options);
    ASSERT_EQ(m.category_colours.size(), 3u);
    ASSERT_EQ(m.markers.size(), 3u);
    const std::vector<std::string> expected{"Hub 1: " + place[100], "Hub 2: " + place[5], "Hub 3: " + place[50]};
    for (std::size_t k = 0; k < 3; ++k) {
        ASSERT_NE(expected[k], "Hub " + std::to_string(k + 1) + ": ");  // the area has a place name
        EXPECT_EQ(m.category_colours[k].first, expected[k]);
        EXPECT_EQ(m.markers[k].label, expected[k]);
        EXPECT_EQ(m.markers[k].ring_m, 800);
    }
    EXPECT_EQ(m.categories[0], expected[0]);
    EXPECT_EQ(m.categories[45], expected[1]);
    EXPECT_EQ(m.categories[100], expected[2]);
    for (const auto& c : m.categories) EXPECT_EQ(c.find("E01"), std::string::npos) << c;
}

TEST(SectionMap, HubsWithoutPlaceNamesFallBackToTheirSite) {
    HubMap h;
    const MapFigure numbered = section_map("Hubs", h.layer, h.sites, "site", SectionMapOptions{nullptr, 0, &h.numbers});
    ASSERT_EQ(numbered.category_colours.size(), 3u);
    EXPECT_EQ(numbered.category_colours[0].first, "Hub 1: " + h.layer.codes[100]);
    EXPECT_EQ(numbered.markers[1].label, "Hub 2: " + h.layer.codes[5]);
    // Without the numbers (an older layer): numbered in the order of the sites.
    const MapFigure plain = section_map("Hubs", h.layer, h.sites, "site");
    std::vector<std::string> codes{h.layer.codes[5], h.layer.codes[50], h.layer.codes[100]};
    std::sort(codes.begin(), codes.end());
    for (std::size_t k = 0; k < 3; ++k)
        EXPECT_EQ(plain.category_colours[k].first, "Hub " + std::to_string(k + 1) + ": " + codes[k]);
}
