// The findings page of the bundled Bedford study names the right groups, numbers and
// direction of change (issue 13 §2), from typed results.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "report/study_report.hpp"
#include "study/findings.hpp"
#include "study/national_change.hpp"
#include "study/study.hpp"
#include "study/study_plan.hpp"
#include "support/bedford_study_spec.hpp"

namespace cohesion {
namespace {

std::string example(const std::string& name) { return std::string(COHESION_EXAMPLE_DATA) + "/bedford/" + name; }

TEST(StudyFindings, BedfordFindingsNameTheGroupsAndTheChange) {
    StudySpec spec = test::bedford_study_spec(20, 99);
    StudyChangeSpec change;
    change.earlier.path = example("oa2011_ethnicity.csv");
    change.earlier.aggregate_to = "LSOA";
    change.earlier.scheme_path = std::string(COHESION_EXAMPLE_DATA) + "/schemes/ethnicity2011_broad5.csv";
    change.later.path = example("lsoa2021_ethnic5.csv");
    change.later.scheme_path = std::string(COHESION_EXAMPLE_DATA) + "/schemes/ethnicity2021_broad5.csv";
    change.lookup.lookup = example("lookup_lsoa11_lsoa21.csv");
    change.lookup.options.from_column = "lsoa11_code";
    change.lookup.options.to_column = "lsoa21_code";
    change.lookup.options.change_column = "change_code";
    change.lookup.weights_table = example("lsoa2021_ethnic5.csv");
    change.earlier_year = 2011;
    change.later_year = 2021;
    change.national = COHESION_DEFAULT_SHARED_DATA;  // England & Wales for the comparison
    spec.change = change;
    const Study study(spec);
    TownProfileOptions options;
    options.bootstrap = 20;
    options.randomisation = 20;
    options.hot_spots.permutations = 99;
    const Table& table = study.spatial()->table;
    const TownProfile profile = town_profile(table, &study.spatial()->weights, study.area_km2(), std::nullopt, options);
    const auto findings = study_findings(study, profile);
    ASSERT_GE(findings.size(), 4u);
    EXPECT_NE(findings[0].text.find("Bangladeshi residents (3,225) live the most apart"), std::string::npos)
        << findings[0].text;
    EXPECT_NE(findings[0].text.find("Arab (331 residents"), std::string::npos) << findings[0].text;
    EXPECT_NE(findings[0].text.find("too small to rank"), std::string::npos);
    EXPECT_NE(findings[2].text.find("Bangladeshi residents"), std::string::npos) << findings[2].text;
    EXPECT_NE(findings[3].text.find("between 2011 and 2021 segregation across the 5 broad groups fell in Bedford "
                                    "(Theil's M from 0.082 to 0.076 on 2021 neighbourhoods) while it rose across "
                                    "England and Wales (0.150 to 0.165)."),
              std::string::npos)
        << findings[3].text;
    EXPECT_NE(findings[3].text.find("more mixed within areas lowered it by 0.013"), std::string::npos)
        << findings[3].text;
    // Each finding says what it is about (the dashboard links it to that view) and which group.
    EXPECT_EQ(findings[0].topic, "ranking");
    EXPECT_EQ(findings[0].group, "Bangladeshi");
    EXPECT_EQ(findings[2].topic, "enclaves");
    EXPECT_EQ(findings[2].group, profile.focal);
    EXPECT_EQ(findings[3].topic, "change");
    const ResultTable shown = findings_table(findings, study.town());
    ASSERT_EQ(shown.rows.size(), findings.size());
    EXPECT_EQ(shown.columns, (std::vector<std::string>{"topic", "group_name", "heading", "text", "section"}));
    EXPECT_EQ(std::get<std::string>(shown.rows[3][3]), findings[3].text);
    // The national numbers say where they came from.
    EXPECT_NE(std::find_if(shown.notes.begin(), shown.notes.end(),
                           [](const std::string& n) { return n.find("ew2011_lsoa_ethnicity.csv.gz") != std::string::npos; }),
              shown.notes.end());
    for (const auto& f : findings)  // no float noise such as 5.55e-17
        EXPECT_FALSE(std::regex_search(f.text, std::regex(R"(\de[-+]\d)"))) << f.text;
}

// Hubs and private renting (issue 13 §2): where the project's hubs would go, by ward, whom
// they reach, and the licensing zone against the 20 % limits.
// Without the national tables the comparison is left out, not an error.
TEST(StudyFindings, NoNationalTablesNoComparison) {
    EXPECT_FALSE(national_change("/nonexistent/shared/data", std::string(COHESION_EXAMPLE_DATA) + "/schemes"));
}

TEST(StudyFindings, BedfordHubsAndLicensingZoneInWords) {
    StudySpec spec;
    spec.name = "Bedford";
    spec.table.path = example("oa2011_ethnicity.csv");
    spec.boundaries = example("oa2011.geojson");
    spec.places = example("wards.geojson");
    StudyTargetingSpec targeting;
    targeting.census.folder = example("census2021_oa");
    targeting.census.aggregate = "lsoa21cd";
    targeting.boundaries = example("lsoa2021.geojson");
    spec.targeting = targeting;
    const Study study(spec);
    TownProfileOptions options;
    options.bootstrap = 10;
    options.randomisation = 10;
    options.hot_spots.permutations = 19;
    const TownProfile profile = town_profile(study.spatial()->table, nullptr, {}, std::nullopt, options);
    const auto findings = study_findings(study, profile);
    const Finding* hubs = nullptr;
    const Finding* licensing = nullptr;
    for (const auto& f : findings) {
        if (f.topic == "hubs") hubs = &f;
        if (f.topic == "licensing") licensing = &f;
    }
    ASSERT_NE(hubs, nullptr);
    ASSERT_NE(licensing, nullptr);
    EXPECT_EQ(hubs->section, "Targeting: integration hubs");
    // Three hubs named by ward, never by LSOA code; 52.7 % of the need within 800 m (the step's note).
    EXPECT_NE(hubs->text.find("Three hubs sited to reach as many of the people who need English classes as possible "
                              "within 800 m would be in "),
              std::string::npos)
        << hubs->text;
    EXPECT_NE(hubs->text.find("Queens Park"), std::string::npos) << hubs->text;
    EXPECT_EQ(hubs->text.find("E01"), std::string::npos) << hubs->text;
    EXPECT_NE(hubs->text.find("would reach 2,530 of them (53 %) within 800 m"), std::string::npos) << hubs->text;
    EXPECT_NE(hubs->text.find("1.3 km from their nearest hub"), std::string::npos) << hubs->text;
    // Zone 1: 25 areas, 7,106 privately rented homes (50 %) on 1.8 % of the land; the
    // proposal is above the 20 % limit on rented homes, so it needs confirmation.
    EXPECT_EQ(licensing->section, "Targeting: selective licensing screen");
    EXPECT_NE(licensing->text.find("one of 25 neighbourhoods"), std::string::npos) << licensing->text;
    EXPECT_NE(licensing->text.find("holds 50 % of Bedford's privately rented homes (7,106 of them) on 1.8 % of its land"),
              std::string::npos)
        << licensing->text;
    EXPECT_NE(licensing->text.find("Queens Park"), std::string::npos) << licensing->text;
    EXPECT_NE(licensing->text.find("would need the Secretary of State's confirmation"), std::string::npos)
        << licensing->text;
}

}  // namespace
}  // namespace cohesion
