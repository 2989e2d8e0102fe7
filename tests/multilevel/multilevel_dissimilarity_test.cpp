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

// Four OAs in two MSOAs; Y = 5,3,1,1 and X = 1,1,4,4 (each totals 10), so
// e = 0.4, 0.2, -0.3, -0.3, D = 0.6, sigma_e = sqrt(0.38/4).
TEST(MultilevelDissimilarity, ToyIndexImpactsAndPlacesByHand) {
    const auto h = build_nested_hierarchy({"OA", "MSOA"}, {{"a", "b", "c", "d"}, {"m1", "m1", "m2", "m2"}});
    const auto m = multilevel_dissimilarity(h, {5, 3, 1, 1}, {1, 1, 4, 4}, "Y", "X");
    const double sigma = std::sqrt(0.38 / 4.0);
    EXPECT_NEAR(m.D, 0.6, 1e-15);
    EXPECT_NEAR(m.sigma_e, sigma, 1e-15);
    const auto& m1 = m.areas[0][0];
    EXPECT_EQ(m1.name, "m1");
    EXPECT_NEAR(m1.share_of_D, 0.5, 1e-15);
    EXPECT_NEAR(m1.share_of_units, 0.5, 1e-15);
    EXPECT_NEAR(m1.impact, 100.0, 1e-12);
    EXPECT_NEAR(m1.scaled_mean, 0.3 / sigma, 1e-12);
    EXPECT_NEAR(m1.scaled_sd, std::sqrt(0.02) / sigma, 1e-12);
    EXPECT_NEAR(m1.scaled_min, 0.2 / sigma, 1e-12);
    EXPECT_NEAR(m1.scaled_max, 0.4 / sigma, 1e-12);
    EXPECT_EQ(m1.share_y_above_x, 1.0);
    EXPECT_EQ(m.areas[0][1].share_y_above_x, 0.0);
    // The MSOA effects carry the between-MSOA difference: m1 up, m2 down, and D without m1's effect
    // is D plus half the change of |e_i - u| over m1's OAs.
    EXPECT_GT(m1.effect, 0.0);
    EXPECT_LT(m.areas[0][1].effect, 0.0);
    EXPECT_NEAR(m1.D_without, 0.6 + 0.5 * (std::abs(0.4 - m1.effect) + std::abs(0.2 - m1.effect) - 0.6), 1e-15);
    double held = 0.0;  // holdback of the MSOA level = 0.5 sum |e_i - u_a(i)| / D - 1
    for (std::size_t i = 0; i < 4; ++i) held += std::abs(m.residuals[i] - m.areas[0][i / 2].effect);
    EXPECT_NEAR(m.levels[1].holdback, 0.5 * held / 0.6 - 1.0, 1e-14);
    EXPECT_NEAR(m.levels[0].variance_share + m.levels[1].variance_share, 1.0, 1e-15);

    const auto e = effect_of_places(m, {"m1"});
    EXPECT_NEAR(e.D_only_places, 0.3, 1e-15);
    EXPECT_NEAR(e.D_within_places, 0.125, 1e-15);  // Y 5/8, 3/8 vs X 1/2, 1/2
    EXPECT_NEAR(e.impact, 100.0, 1e-12);
    EXPECT_NEAR(e.r_squared, 0.18 / 0.38, 1e-12);  // indicator of m1: fitted 0.3 on its two OAs
    // MLID's printed R² counts the X-share offset (0.1, 0.1, 0.4, 0.4) as fitted: Σ(x+f)² = 4 × 0.4²,
    // Σ(e−f)² = 0.01 + 0.01 + 0.09 + 0.09.
    EXPECT_NEAR(e.r_squared_mlid, 0.64 / 0.84, 1e-12);
    EXPECT_EQ(e.base_units, 2u);
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
