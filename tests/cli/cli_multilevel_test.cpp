// `cohesion multilevel` against the R package MLID's vignette calls on the national 2011 OA table
// (tests/data/mlid_reference.json, made by tests/reference_scripts/mlid_reference.R) at the
// precision MLID prints, and against lme4 on the East of England OAs
// (tests/data/lme4_nested_crosscheck.json).
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.hpp"

namespace cohesion::test {
namespace {

using nlohmann::json;

std::string shared(const std::string& file) {
    const char* env = std::getenv("COHESION_SHARED_DATA");
    return std::string(env && *env ? env : COHESION_DEFAULT_SHARED_DATA) + "/" + file;
}

std::string national() { return shared("ew2011_oa_ethnicity.csv.gz"); }

json reference(const std::string& name) {
    std::ifstream in(std::string(COHESION_TEST_DATA_DIR) + "/" + name);
    return json::parse(in);
}

json run_json(const std::string& arguments) {
    const auto run = run_cli("multilevel " + arguments + " --format json");
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.exit_code == 0 ? json::parse(run.out) : json::array();
}

const json& table_titled(const json& doc, const std::string& start) {
    for (const auto& t : doc)
        if (t["title"].get<std::string>().rfind(start, 0) == 0) return t;
    static const json none = json::object({{"rows", json::array()}});
    ADD_FAILURE() << "no table titled '" << start << "...'";
    return none;
}

const json& row_named(const json& table, const std::string& column, const std::string& value) {
    for (const auto& r : table["rows"])
        if (r[column] == value) return r;
    static const json none = json::object();
    ADD_FAILURE() << "no row " << column << " = " << value;
    return none;
}

// Equal at the printed precision: within half a unit of the last printed digit.
void expect_printed(double ours, double printed, int decimals, const std::string& what) {
    EXPECT_NEAR(ours, printed, 0.5 * std::pow(10.0, -decimals) + 1e-9) << what;
}

void expect_levels(const json& doc, const json& ref, const std::string& what) {
    const auto& index = table_titled(doc, "Multilevel index of dissimilarity");
    for (const auto& level : {"Base", "MSOA", "LAD", "RGN"}) {
        const auto& row = index["rows"][std::string(level) == "Base" ? 0 : (std::string(level) == "MSOA" ? 1 : (std::string(level) == "LAD" ? 2 : 3))];
        expect_printed(100.0 * row["variance_share"].get<double>(), ref["Pvariance"][level].get<double>(), 2,
                       what + " Pvariance " + level);
        expect_printed(100.0 * row["holdback"].get<double>(), ref["Holdback"][level].get<double>(), 2,
                       what + " Holdback " + level);
    }
    expect_printed(table_titled(doc, "Index and model")["rows"][0]["value"].get<double>(), ref["ID"].get<double>(), 3,
                   what + " ID");
}

void expect_impacts(const json& doc, const json& ref, const std::string& level) {
    const auto& t = table_titled(doc, level + " areas");
    for (const auto& r : ref[level]) {
        const auto& row = row_named(t, level, r["area"].get<std::string>());
        const std::string a = r["area"];
        expect_printed(100.0 * row["share_of_D"].get<double>(), r["pcntID"].get<double>(), 2, a + " pcntID");
        expect_printed(100.0 * row["share_of_areas"].get<double>(), r["pcntN"].get<double>(), 2, a + " pcntN");
        expect_printed(row["impact"].get<double>(), r["impact"].get<double>(), 0, a + " impact");
        expect_printed(row["scaled_mean"].get<double>(), r["scldMean"].get<double>(), 2, a + " scldMean");
        expect_printed(row["scaled_sd"].get<double>(), r["scldSD"].get<double>(), 2, a + " scldSD");
        expect_printed(row["scaled_min"].get<double>(), r["scldMin"].get<double>(), 2, a + " scldMin");
        expect_printed(row["scaled_max"].get<double>(), r["scldMax"].get<double>(), 2, a + " scldMax");
        expect_printed(100.0 * row["share_where_Y_exceeds_X"].get<double>(), r["pNYgtrNX"].get<double>(), 1,
                       a + " pNYgtrNX");
    }
}

// E(ID): two independent 100-draw simulations (MLID's and cohesion's), each with a standard error
// of about 1e-4, so within 0.001 of the printed value rather than half a unit.
void expect_expected(const json& doc, double printed) {
    const auto& t = table_titled(doc, "Index and model");
    EXPECT_NEAR(row_named(t, "measure", "D expected under random allocation")["value"].get<double>(), printed, 1e-3);
}

// MLID effect(): ID1–ID3 and R² as printed; the impact within 2 because MLID divides by D
// rounded to 3 decimals (0.772) and cohesion by D itself.
void expect_effect(const json& fx, const json& ref) {
    expect_printed(fx["rows"][1]["value"].get<double>(), ref["ID1"][1].get<double>(), 3, "ID1");
    expect_printed(fx["rows"][2]["value"].get<double>(), ref["ID2"][1].get<double>(), 3, "ID2");
    expect_printed(fx["rows"][3]["value"].get<double>(), ref["ID3"][1].get<double>(), 3, "ID3");
    expect_printed(fx["rows"][7]["value"].get<double>(), ref["Rsq"].get<double>(), 3, "Rsq as MLID prints it");
    EXPECT_NEAR(fx["rows"][4]["value"].get<double>(), ref["impact"].get<double>(), 2.0) << "impact";
}

TEST(CliMultilevel, ReproducesTheMlidVignetteOnLsoas) {
    const json ref = reference("mlid_reference.json");
    const json doc = run_json(national() +
                              " --levels LSOA,MSOA,LAD,RGN --group Bangladeshi --versus WhiteBrit"
                              " --places \"Tower Hamlets,Newham\" --map-level MSOA --top 400");
    ASSERT_FALSE(doc.empty());
    expect_levels(doc, ref["mlid"], "vignette");
    expect_expected(doc, ref["lsoa_expected"][1].get<double>());
    expect_impacts(doc, ref["lsoa_impacts_head3"], "LAD");
    expect_impacts(doc, ref["lsoa_impacts_head3"], "RGN");
    // confint(index): effects and van Belle intervals (±1.386 SE), scaled by σ_ε, 3 decimals.
    const double z = 1.959963984540054 * std::sqrt(2.0) / 2.0;
    for (const auto& level : {"MSOA", "LAD", "RGN"})
        for (const auto& r : ref["confint_top3"][level]) {
            const auto& row = row_named(table_titled(doc, std::string(level) + " areas"), level, r["area"]);
            const double scale = row["scaled_effect"].get<double>() / row["effect"].get<double>();
            const double se = row["effect_se"].get<double>() * scale;
            const std::string a = r["area"];
            // lme4 stops ~1e-7 from the optimum: E02001867's 6.7934999 (lme4 6.7935+) sits on the rounding
            // edge, so these get a tenth of a unit more than half a unit.
            const double tol = 0.0006;
            EXPECT_NEAR(row["scaled_effect"].get<double>(), r["mn"].get<double>(), tol) << a << " mn";
            EXPECT_NEAR(row["scaled_effect"].get<double>() - z * se, r["lwr"].get<double>(), tol) << a << " lwr";
            EXPECT_NEAR(row["scaled_effect"].get<double>() + z * se, r["upr"].get<double>(), tol) << a << " upr";
        }
    expect_effect(table_titled(doc, "Effect of"), ref["effect_TH_Newham"]);
    // R: lm(e ~ 0 + d), Σfitted²/Σe², the share of the variation in e the vignette describes.
    EXPECT_NEAR(table_titled(doc, "Effect of")["rows"][5]["value"].get<double>(), 0.3463375, 1e-6);
    // M/H over every level: the components add up to the total.
    const auto& mh = table_titled(doc, "Mutual information M and H across every level");
    double sum = 0.0;
    for (std::size_t k = 1; k < mh["rows"].size(); ++k) sum += mh["rows"][k]["M"].get<double>();
    EXPECT_EQ(mh["rows"].size(), 5u);
    EXPECT_NEAR(sum, mh["rows"][0]["M"].get<double>(), 1e-12);
}

TEST(CliMultilevel, ReproducesTheVignetteRefitWithoutTheOutliers) {
    const json ref = reference("mlid_reference.json");
    const json doc = run_json(national() + " --levels LSOA,MSOA,LAD,RGN --group Bangladeshi --versus WhiteBrit"
                                           " --omit \"Tower Hamlets,Newham,E02001113\" --expected-draws 0");
    ASSERT_FALSE(doc.empty());
    expect_levels(doc, ref["mlid_omit"], "omit");

    // effect(index, c("Tower Hamlets", "Newham", "E02001113")) on the full model.
    const json fx_doc = run_json(national() + " --levels LSOA,MSOA,LAD,RGN --group Bangladeshi --versus WhiteBrit"
                                              " --places \"Tower Hamlets,Newham,E02001113\" --top 1 --expected-draws 0");
    ASSERT_FALSE(fx_doc.empty());
    expect_effect(table_titled(fx_doc, "Effect of"), ref["effect_TH_Newham_E02001113"]);
}

TEST(CliMultilevel, ReproducesTheVignetteOaIndexAndImpacts) {
    const json ref = reference("mlid_reference.json");
    const json doc = run_json(national() + " --levels OA,LAD,RGN --group Bangladeshi --versus WhiteBrit --top 400");
    ASSERT_FALSE(doc.empty());
    expect_printed(table_titled(doc, "Index and model")["rows"][0]["value"].get<double>(), ref["oa_id"].get<double>(),
                   3, "OA ID");
    expect_expected(doc, ref["oa_expected"][1].get<double>());
    expect_impacts(doc, ref["oa_impacts_head3"], "LAD");
    expect_impacts(doc, ref["oa_impacts_head3"], "RGN");
}

TEST(CliMultilevel, EastOfEnglandMatchesLme4) {
    const json ref = reference("lme4_nested_crosscheck.json")["east"];
    const json doc = run_json(national() + " --where \"RGN=East of England\" --levels OA,LSOA,MSOA,LAD"
                                           " --group Pakistani --versus WhiteBrit --top 100000 --expected-draws 0");
    ASSERT_FALSE(doc.empty());
    const auto& index = table_titled(doc, "Multilevel index of dissimilarity");
    EXPECT_EQ(index["rows"][0]["areas"], ref["n"]);
    const double base = ref["residual_variance"].get<double>();
    EXPECT_NEAR(index["rows"][0]["variance"].get<double>(), base, 1e-4 * base);
    EXPECT_NEAR(row_named(table_titled(doc, "Index and model"), "measure", "log-likelihood (ML)")["value"].get<double>(),
                ref["logLik"].get<double>(), 1e-4);
    std::size_t k = 1;
    for (const auto& level : {"LSOA", "MSOA", "LAD"}) {
        const double v = ref["levels"][level]["variance"].get<double>();
        EXPECT_NEAR(index["rows"][k++]["variance"].get<double>(), v, 1e-4 * v) << level;
        for (const auto& a : ref["levels"][level]["areas"]) {
            const auto& row = row_named(table_titled(doc, std::string(level) + " areas"), level, a["area"]);
            const double blup = a["blup"].get<double>(), se = std::sqrt(a["condvar"].get<double>());
            EXPECT_NEAR(row["effect"].get<double>(), blup, 1e-4 * std::abs(blup) + 1e-9) << a["area"];
            EXPECT_NEAR(row["effect_se"].get<double>(), se, 1e-4 * se) << a["area"];
        }
    }
}

TEST(CliMultilevel, EveryGroupAndErrors) {
    const auto all = run_cli("multilevel " + example_table() + " --levels OA,LSOA,MSOA --format csv");
    ASSERT_EQ(all.exit_code, 0) << all.err;
    EXPECT_NE(all.out.find("Pakistani,"), std::string::npos);
    EXPECT_NE(all.out.find("between OA within LSOA"), std::string::npos);
    const auto bad = run_cli("multilevel " + example_table() + " --levels OA,Ward --group Pakistani");
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_NE(bad.err.find("Ward"), std::string::npos) << bad.err;
    const auto place = run_cli("multilevel " + example_table() + " --levels OA,LSOA,MSOA --group Pakistani --places Atlantis");
    EXPECT_NE(place.exit_code, 0);
    EXPECT_NE(place.err.find("Atlantis"), std::string::npos) << place.err;
    const auto help = run_cli("multilevel --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("--versus"), std::string::npos);
}

TEST(CliMultilevel, WritesTheImpactsMap) {
    const auto dir = scratch_dir();
    const auto out = (dir / "msoa_impacts.geojson").string();
    const auto run = run_cli("multilevel " + example_table() + " --levels OA,LSOA,MSOA --group Pakistani --map-level LSOA"
                             " --boundaries " + shared("bedford/lsoa2011.geojson") + " -o " + out + " -q");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = json::parse(slurp(out));
    EXPECT_EQ(doc["features"].size(), 103u);
    EXPECT_TRUE(doc["features"][0]["properties"].contains("impact"));
}

}  // namespace
}  // namespace cohesion::test
