// MLID on toy data by hand, on Bedford against lme4 (tests/data/lme4_nested_crosscheck.json,
// made by tests/reference_scripts/lme4_nested_crosscheck.R), and MLID's effect() scenarios.
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/multilevel_tables.hpp"
#include "core/error.hpp"
#include "io/table_input.hpp"
#include "multilevel/multilevel_dissimilarity.hpp"

namespace cohesion {
namespace {

nlohmann::json lme4_reference() {
    std::ifstream in(std::string(COHESION_TEST_DATA_DIR) + "/lme4_nested_crosscheck.json");
    return nlohmann::json::parse(in);
}

Table bedford() {
    TableInput input;
    input.path = std::string(COHESION_EXAMPLE_DATA) + "/bedford/oa2011_ethnicity.csv";
    return load_table(input);
}

// Two LSOAs of two OAs each in one MSOA... plus a second MSOA: D by hand.
TEST(MultilevelDissimilarity, ToyIndexHoldbackAndImpactsByHand) {
    const auto h = build_nested_hierarchy({"OA", "MSOA"}, {{"a", "b", "c", "d"}, {"m1", "m1", "m2", "m2"}});
    // Y shares 0.4 0.4 0.1 0.1; X shares 0.1 0.1 0.4 0.4: e = ±0.3, D = 0.6.
    const auto m = multilevel_dissimilarity(h, {4, 4, 1, 1}, {1, 1, 4, 4}, "Y", "X");
    EXPECT_NEAR(m.D, 0.6, 1e-15);
    EXPECT_NEAR(m.sigma_e, 0.3, 1e-15);
    // All the variation is between the MSOAs: the base variance goes to ~0 and the MSOA effects
    // carry e; holding the MSOA level back removes all of D (holdback −100%).
    EXPECT_LT(m.levels[0].variance_share, 1e-6);
    EXPECT_NEAR(m.levels[1].holdback, -1.0, 1e-4);
    EXPECT_NEAR(m.areas[0][0].effect, 0.3, 1e-4);
    EXPECT_NEAR(m.areas[0][1].effect, -0.3, 1e-4);
    EXPECT_NEAR(m.areas[0][0].D_without, 0.3, 1e-4);  // half of D leaves with m1's effect
    EXPECT_NEAR(m.areas[0][0].share_of_D, 0.5, 1e-15);
    EXPECT_NEAR(m.areas[0][0].impact, 100.0, 1e-12);
    EXPECT_NEAR(m.areas[0][0].scaled_mean, 1.0, 1e-12);
    EXPECT_NEAR(m.areas[0][0].scaled_sd, 0.0, 1e-12);
    EXPECT_NEAR(m.areas[0][0].share_y_above_x, 1.0, 0.0);
    const auto e = effect_of_places(m, {"m1"});
    EXPECT_NEAR(e.D_only_places, 0.3, 1e-15);
    EXPECT_NEAR(e.D_within_places, 0.0, 1e-15);  // inside m1 both groups are spread alike
    EXPECT_NEAR(e.impact, 100.0, 1e-12);
    EXPECT_NEAR(e.r_squared, 0.5, 1e-12);  // indicator of m1 fits e there (mean 0.3), not in m2
    EXPECT_THROW(effect_of_places(m, {"nowhere"}), Error);
    EXPECT_THROW(multilevel_dissimilarity(h, {0, 0, 0, 0}, {1, 1, 4, 4}, "Y", "X"), Error);
}

TEST(MultilevelDissimilarity, BedfordMatchesLme4) {
    const auto ref = lme4_reference()["bedford"];
    MultilevelRequest request;
    request.levels = {"OA", "LSOA", "MSOA"};
    request.group = "Pakistani";
    request.versus = "WhiteBrit";
    const auto m = fit_multilevel_dissimilarity(bedford(), request);
    ASSERT_EQ(m.hierarchy.size(0), ref["n"].get<std::size_t>());
    ASSERT_TRUE(m.fit.converged);
    // lme4 stops at its own tolerance: compare the likelihood tightly, the variances to 1e-4.
    EXPECT_NEAR(m.fit.log_likelihood, ref["logLik"].get<double>(), 1e-6);
    EXPECT_NEAR(m.fit.residual_variance, ref["residual_variance"].get<double>(), 1e-4 * ref["residual_variance"].get<double>());
    for (std::size_t l = 1; l < m.hierarchy.levels(); ++l) {
        const auto& lv = ref["levels"][m.hierarchy.level_names[l]];
        const double v = lv["variance"].get<double>();
        EXPECT_NEAR(m.fit.level_variances[l - 1], v, 1e-4 * v) << m.hierarchy.level_names[l];
        for (const auto& a : lv["areas"]) {
            const auto& labels = m.hierarchy.labels[l];
            const auto k = static_cast<std::size_t>(std::find(labels.begin(), labels.end(), a["area"]) - labels.begin());
            ASSERT_LT(k, labels.size()) << a["area"];
            const double blup = a["blup"].get<double>(), cv = a["condvar"].get<double>();
            EXPECT_NEAR(m.fit.effects[l - 1][k], blup, 1e-4 * std::abs(blup) + 1e-9) << a["area"];
            EXPECT_NEAR(m.fit.effect_variances[l - 1][k], cv, 1e-4 * cv) << a["area"];
        }
    }
    // The levels' components add up to e_i, so D rebuilt from them is D.
    double d = 0.0;
    for (std::size_t i = 0; i < m.hierarchy.size(0); ++i) {
        double sum = m.fit.base_residuals[i];
        for (std::size_t l = 1; l < m.hierarchy.levels(); ++l) sum += m.fit.effects[l - 1][m.hierarchy.ancestor(i, l)];
        d += 0.5 * std::abs(sum);
    }
    EXPECT_NEAR(d, m.D, 1e-14);
}

TEST(MultilevelDissimilarity, OmitAndLevelErrors) {
    const Table t = bedford();
    MultilevelRequest request;
    request.levels = {"OA", "LSOA", "MSOA"};
    request.group = "Pakistani";
    request.omit = {"E02003628"};
    const auto m = fit_multilevel_dissimilarity(t, request);
    EXPECT_EQ(m.hierarchy.size(2), 19u);
    request.omit = {"Atlantis"};
    EXPECT_THROW(fit_multilevel_dissimilarity(t, request), Error);
    request.omit.clear();
    request.levels = {"OA", "Ward"};
    EXPECT_THROW(fit_multilevel_dissimilarity(t, request), Error);
    request.levels = {"OA"};
    EXPECT_THROW(fit_multilevel_dissimilarity(t, request), Error);
}

}  // namespace
}  // namespace cohesion
