// [[scenario]] blocks: every lever parsed, unknown keys and missing names refused with the
// file and key, and the bundled Bedford project's scenarios load with the project.
#include "project/scenario_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "project/project_file.hpp"

using namespace cohesion;

namespace {

std::string write(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace

TEST(ScenarioFile, ReadsEveryLever) {
    const auto path = write("cohesion_scenarios_ok.toml", R"(
[[scenario]]
name = "All levers"
assumption = "illustrative"
[[scenario.development]]
point = [506500, 242500]
dwellings = 100
social_rented = 0.5
year = 2025
[[scenario.tenure_change]]
areas = ["E01017502"]
fraction = 0.25
year = 2024
[[scenario.mobility]]
group = "Asian"
areas = ["E01017502"]
multiplier = 1.2
year = 2024
)");
    const auto s = load_scenarios(path);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].name, "All levers");
    ASSERT_EQ(s[0].developments.size(), 1u);
    ASSERT_TRUE(s[0].developments[0].point.has_value());
    EXPECT_DOUBLE_EQ(s[0].developments[0].point->x_m, 506500);
    EXPECT_DOUBLE_EQ(s[0].developments[0].social_rented, 0.5);
    EXPECT_EQ(s[0].tenure_changes.at(0).areas.at(0), "E01017502");
    EXPECT_EQ(s[0].mobility.at(0).group, "Asian");
    EXPECT_DOUBLE_EQ(s[0].mobility.at(0).multiplier, 1.2);
}

TEST(ScenarioFile, RefusesTyposAndMissingNames) {
    const auto typo = write("cohesion_scenarios_typo.toml", "[[scenario]]\nname = \"x\"\n[[scenario.development]]\narea = \"E0\"\ndwelings = 5\n");
    try {
        load_scenarios(typo);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("dwelings"), std::string::npos) << e.what();
    }
    EXPECT_THROW(load_scenarios(write("cohesion_scenarios_noname.toml", "[[scenario]]\nassumption = \"x\"\n")), Error);
    EXPECT_THROW(load_scenarios(write("cohesion_scenarios_both.toml",
                                      "[[scenario]]\nname = \"x\"\n[[scenario.development]]\ndwellings = 5\n")),
                 Error);
}

TEST(ScenarioFile, BedfordProjectCarriesItsScenarios) {
    const Project p = load_project(std::string(COHESION_EXAMPLE_DATA) + "/bedford/bedford.toml");
    EXPECT_EQ(p.scenarios.size(), 2u);
}
