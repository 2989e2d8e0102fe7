// Shapley decomposition of the change in M: R segregation 1.1 mutual_difference
// (method "shapley", IPF run to convergence) for Bedford LSOAs 2011 → 2021, both on the
// original geographies and after harmonising 2011 to LSOA 2021; and toy invariants.
#include "change/mutual_difference.hpp"

#include <gtest/gtest.h>

#include <unordered_set>

#include <nlohmann/json.hpp>

#include "change/lookup_harmonisation.hpp"
#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "io/wide_csv_loader.hpp"
#include "support/bedford.hpp"
#include "support/shared_data.hpp"

using namespace cohesion;

namespace {

Table five_groups_2011(const Table& fourteen) {
    Table t = add_residual_group(fourteen, "GypsyTraveller");
    for (const char* merge : {"White=WhiteBrit+Irish+OtherWhite+GypsyTraveller",
                              "Asian=Indian+Pakistani+Bangladeshi+Chinese+OtherAsian",
                              "Black=BlkAfrican+BlkCaribbean+OtherBlk", "Other=Arab+Other"})
        t = merge_groups(t, merge);
    return select_groups(t, {"White", "Mixed", "Asian", "Black", "Other"});
}

Table bedford_2011_five_groups() { return aggregate(five_groups_2011(test::bedford_oa_2011()), "LSOA"); }

Table national_2021() {
    return load_wide_csv((test::shared_data_dir() / "ew2021_lsoa" / "ts021_ethnic5_lsoa.csv.gz").string());
}

Table five_groups_2021(const Table& t) {
    Table out = t;
    for (const char* merge : {"White=white", "Mixed=mixed", "Asian=asian", "Black=black", "Other=other"})
        out = merge_groups(out, merge);
    return select_groups(out, {"White", "Mixed", "Asian", "Black", "Other"});
}

Table bedford_2021_five_groups(const Table& national, const GeographyLookup& lookup) {
    std::unordered_set<std::string> bedford;
    for (std::size_t r = 0; r < lookup.to.size(); ++r)
        if (lookup.levels[0].second[r] == "E06000055") bedford.insert(lookup.to[r]);
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < national.areas(); ++i)
        if (bedford.contains(national.area_codes()[i])) keep.push_back(i);
    return five_groups_2021(select_areas(national, keep));
}

GeographyLookup lsoa_lookup() {
    return load_lookup((test::shared_data_dir() / "lookups" / "lookup_lsoa11_lsoa21_ltla22.csv.gz").string(),
                       {"lsoa11_code", "lsoa21_code", "change_code", {"ltla22_code"}});
}

nlohmann::json reference_rows(const char* variant, const char* place = "bedford") {
    const auto j = test::read_reference_json("change_2011_2021.json");
    nlohmann::json rows;
    for (const auto& row : j["results"][place][variant]["shapley_converged"]["rows"])
        rows[row["stat"].get<std::string>()] = row["est"];
    return rows;
}

// The reference's tolerance: max(1e-11 |value|, 1e-13) absolute.
void expect_matches(const MutualDifference& d, const nlohmann::json& ref) {
    const std::pair<const char*, double> actual[] = {
        {"M1", d.M1}, {"M2", d.M2}, {"diff", d.diff}, {"additions", d.additions}, {"removals", d.removals},
        {"group_marginal", d.group_marginal}, {"unit_marginal", d.unit_marginal}, {"structural", d.structural}};
    for (const auto& [name, value] : actual) {
        const double expected = ref[name].get<double>();
        EXPECT_NEAR(value, expected, std::max(1e-11 * std::abs(expected), 1e-13)) << name;
    }
    for (const auto& run : d.ipf) EXPECT_TRUE(run.converged) << run.name;
}

double sum_of_terms(const MutualDifference& d) {
    return d.additions + d.removals + d.group_marginal + d.unit_marginal + d.structural;
}

}  // namespace

TEST(MutualDifference, BedfordUnharmonisedMatchesRSegregation) {
    const auto lookup = lsoa_lookup();
    const Table national = national_2021();
    const MutualDifference d = mutual_difference(bedford_2011_five_groups(), bedford_2021_five_groups(national, lookup));
    EXPECT_EQ(d.units.size(), 94u);  // the unchanged (U) LSOAs keep their codes
    expect_matches(d, reference_rows("mutual_difference_unharmonised"));
    EXPECT_NEAR(sum_of_terms(d), d.diff, 1e-15);
}

TEST(MutualDifference, BedfordHarmonisedMatchesRSegregation) {
    const auto lookup = lsoa_lookup();
    const Table national = national_2021();
    std::unordered_map<std::string, double> totals;
    for (std::size_t i = 0; i < national.areas(); ++i) totals[national.area_codes()[i]] = national.declared_total()[i];
    const Harmonised h = harmonise(bedford_2011_five_groups(), lookup, &totals);
    const MutualDifference d = mutual_difference(h.table, bedford_2021_five_groups(national, lookup));
    EXPECT_EQ(d.units.size(), 117u);
    expect_matches(d, reference_rows("mutual_difference_harmonised"));

    // Converged IPF: the per-unit contributions add up to the structural term.
    double total = 0.0;
    for (const auto& u : d.units) total += u.contribution;
    EXPECT_NEAR(total, d.structural, 1e-12);
}

TEST(MutualDifference, IdenticalTablesHaveNoChange) {
    Table t({"a", "b", "c"}, {"X", "Y"});
    t.column(0)[0] = 10, t.column(0)[1] = 2, t.column(0)[2] = 5;
    t.column(1)[0] = 1, t.column(1)[1] = 8, t.column(1)[2] = 5;
    const MutualDifference d = mutual_difference(t, t);
    for (double v : {d.diff, d.additions, d.removals, d.group_marginal, d.unit_marginal, d.structural})
        EXPECT_NEAR(v, 0.0, 1e-14);
}

TEST(MutualDifference, ScalingEveryCountChangesNothing) {
    Table a({"a", "b", "c"}, {"X", "Y"});
    a.column(0)[0] = 10, a.column(0)[1] = 2, a.column(0)[2] = 5;
    a.column(1)[0] = 1, a.column(1)[1] = 8, a.column(1)[2] = 5;
    Table b = a;
    for (std::size_t g = 0; g < 2; ++g)
        for (double& v : b.column(g)) v *= 3.0;
    const MutualDifference d = mutual_difference(a, b);
    EXPECT_NEAR(d.diff, 0.0, 1e-14);
    EXPECT_NEAR(d.structural, 0.0, 1e-12);
}

TEST(MutualDifference, PureGroupCompositionChangeIsMarginal) {
    // B = A with group Y doubled everywhere: same structure (odds ratios), only the
    // group margins moved, so the structural term is zero.
    Table a({"a", "b", "c"}, {"X", "Y"});
    a.column(0)[0] = 10, a.column(0)[1] = 2, a.column(0)[2] = 5;
    a.column(1)[0] = 1, a.column(1)[1] = 8, a.column(1)[2] = 5;
    Table b = a;
    for (double& v : b.column(1)) v *= 2.0;
    const MutualDifference d = mutual_difference(a, b);
    EXPECT_NEAR(d.structural, 0.0, 1e-12);
    EXPECT_NEAR(sum_of_terms(d), d.diff, 1e-15);
    EXPECT_GT(std::abs(d.group_marginal), 1e-4);
}

TEST(MutualDifference, NoCommonAreaIsAnError) {
    Table a({"a"}, {"X"}), b({"b"}, {"X"});
    a.column(0)[0] = 1, b.column(0)[0] = 1;
    EXPECT_THROW(mutual_difference(a, b), Error);
}

TEST(MutualDifference, EnglandAndWalesUnharmonisedMatchesRSegregation) {
    const Table a = five_groups_2011(load_wide_csv((test::shared_data_dir() / "ew2011_lsoa_ethnicity.csv.gz").string()));
    const Table b = five_groups_2021(national_2021());
    const MutualDifference d = mutual_difference(a, b);
    EXPECT_EQ(d.units.size(), 33647u);
    expect_matches(d, reference_rows("mutual_difference_unharmonised", "ew"));
}
