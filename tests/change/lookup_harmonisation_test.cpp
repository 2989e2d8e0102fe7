// Harmonising 2011 LSOA counts to 2021 LSOAs: the reference's rule and values
// (../shared/reference/bedford_lsoa21_change.csv, change_2011_2021.json) and toy cases.
#include "change/lookup_harmonisation.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "indices/registry.hpp"
#include "io/wide_csv_loader.hpp"
#include "support/bedford.hpp"
#include "support/reference_csv.hpp"

using namespace cohesion;
using cohesion::test::near_relative;

namespace {

// 2011 Bedford LSOAs in the reference's five groups (White includes Persons − Σ14).
Table bedford_lsoa_2011_five_groups() {
    Table t = add_residual_group(test::bedford_oa_2011(), "GypsyTraveller");
    for (const char* merge : {"White=WhiteBrit+Irish+OtherWhite+GypsyTraveller",
                              "Asian=Indian+Pakistani+Bangladeshi+Chinese+OtherAsian",
                              "Black=BlkAfrican+BlkCaribbean+OtherBlk", "Other=Arab+Other"})
        t = merge_groups(t, merge);
    t = select_groups(t, {"White", "Mixed", "Asian", "Black", "Other"});
    return aggregate(t, "LSOA");
}

std::unordered_map<std::string, double> lsoa21_totals() {
    const Table t2021 = load_wide_csv((test::shared_data_dir() / "ew2021_lsoa" / "ts021_ethnic5_lsoa.csv.gz").string());
    std::unordered_map<std::string, double> totals;
    for (std::size_t i = 0; i < t2021.areas(); ++i) totals[t2021.area_codes()[i]] = t2021.declared_total()[i];
    return totals;
}

GeographyLookup lsoa_lookup() {
    return load_lookup((test::shared_data_dir() / "lookups" / "lookup_lsoa11_lsoa21_ltla22.csv.gz").string(),
                       {"lsoa11_code", "lsoa21_code", "change_code", {"ltla22_code"}});
}

}  // namespace

TEST(Harmonisation, BedfordLsoa2011To2021MatchesTheReference) {
    const Table t2011 = bedford_lsoa_2011_five_groups();
    ASSERT_EQ(t2011.areas(), 103u);
    const auto totals = lsoa21_totals();
    const Harmonised h = harmonise(t2011, lsoa_lookup(), &totals);
    EXPECT_EQ(h.table.areas(), 117u);
    EXPECT_EQ(h.report.source_areas_by_change,
              (std::vector<std::pair<std::string, std::size_t>>{{"S", 9}, {"U", 94}}));
    EXPECT_EQ(h.table.level("ltla22_code").labels[0], "E06000055");

    // Every harmonised count equals the reference to 1e-9 relative.
    std::size_t rows = 0;
    for (auto row : test::read_reference_csv("bedford_lsoa21_change.csv")) {
        const auto& codes = h.table.area_codes();
        const auto it = std::find(codes.begin(), codes.end(), row["lsoa21cd"]);
        ASSERT_NE(it, codes.end()) << row["lsoa21cd"];
        const std::size_t i = static_cast<std::size_t>(it - codes.begin());
        for (const std::string group : {"White", "Mixed", "Asian", "Black", "Other"}) {
            const double expected = std::stod(row[group + "_n_2011"]);
            const double actual = h.table.count(i, h.table.group_index(group));
            if (expected == 0.0) EXPECT_EQ(actual, 0.0);
            else EXPECT_TRUE(near_relative(actual, expected)) << row["lsoa21cd"] << " " << group << ": " << actual;
        }
        ++rows;
    }
    EXPECT_EQ(rows, 117u);

    // Splits give successors their source's composition, so M is unchanged (reference M, 1e-11).
    const IndexParams params;
    const auto& M = IndexRegistry::instance().get("mutual_information");
    EXPECT_TRUE(near_relative(M.compute(IndexInput{multigroup(t2011), params}), 0.0817586094121, 1e-11));
    EXPECT_TRUE(near_relative(M.compute(IndexInput{multigroup(h.table), params}), 0.0817586094121, 1e-11));
}

TEST(Harmonisation, ToySplitMergeAndVolume) {
    // a → {A1, A2} split 3:1 by target weights; b, c → B merged; d unchanged.
    GeographyLookup lookup;
    lookup.source = "toy";
    lookup.from = {"a", "a", "b", "c", "d"};
    lookup.to = {"A1", "A2", "B", "B", "D"};
    lookup.change = {"S", "S", "M", "M", "U"};
    const Table t = parse_wide_csv("code,x,y\na,8,4\nb,1,1\nc,2,0\nd,5,5\n", "toy.csv");
    const std::unordered_map<std::string, double> weights{{"A1", 300}, {"A2", 100}};
    const Harmonised h = harmonise(t, lookup, &weights);
    ASSERT_EQ(h.table.areas(), 4u);
    EXPECT_EQ(h.table.area_codes()[0], "A1");
    EXPECT_DOUBLE_EQ(h.table.count(0, 0), 6.0);  // 8 × 3/4
    EXPECT_DOUBLE_EQ(h.table.count(1, 1), 1.0);  // 4 × 1/4
    EXPECT_DOUBLE_EQ(h.table.count(2, 0), 3.0);  // b + c
    for (std::size_t g = 0; g < 2; ++g) {
        double before = 0.0, after = 0.0;
        for (double v : t.column(g)) before += v;
        for (double v : h.table.column(g)) after += v;
        EXPECT_DOUBLE_EQ(before, after);
    }
    // Without weights a split is equal, and said so.
    const Harmonised equal = harmonise(t, lookup, nullptr);
    EXPECT_DOUBLE_EQ(equal.table.count(0, 0), 4.0);
}

TEST(Harmonisation, AreasMissingFromTheLookupAreNeverLostSilently) {
    GeographyLookup lookup;
    lookup.source = "toy-lookup.csv";
    lookup.from = {"a"};
    lookup.to = {"A"};
    lookup.change = {"U"};
    const Table t = parse_wide_csv("code,x\na,1\nz,7\n", "toy.csv");
    try {
        harmonise(t, lookup, nullptr);
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("1 areas of toy.csv (7 people) are not in the lookup (e.g. z)"),
                  std::string::npos)
            << e.what();
    }
    const Harmonised dropped = harmonise(t, lookup, nullptr, true);
    EXPECT_EQ(dropped.report.unmatched_areas, 1u);
    EXPECT_DOUBLE_EQ(dropped.report.unmatched_people, 7.0);
    EXPECT_NE(dropped.report.lines().back().find("7 people"), std::string::npos);
}

#include "change/pace_of_change.hpp"

TEST(PaceOfChange, BedfordSharesAndPercentagePointChangeMatchTheReference) {
    const auto totals = lsoa21_totals();
    const Harmonised h = harmonise(bedford_lsoa_2011_five_groups(), lsoa_lookup(), &totals);
    Table t2021 = load_wide_csv((test::shared_data_dir() / "ew2021_lsoa" / "ts021_ethnic5_lsoa.csv.gz").string());
    for (const char* rename : {"White=white", "Mixed=mixed", "Asian=asian", "Black=black", "Other=other"})
        t2021 = merge_groups(t2021, rename);
    t2021 = select_groups(t2021, {"White", "Mixed", "Asian", "Black", "Other"});
    const PaceOfChange p = pace_of_change(h.table, t2021);
    ASSERT_EQ(p.areas.size(), 117u);
    EXPECT_EQ(p.only_a, 0u);
    EXPECT_EQ(p.only_b, 35672u - 117u);

    std::map<std::string, std::map<std::string, std::string>> reference;
    for (const auto& row : test::read_reference_csv("bedford_lsoa21_change.csv")) reference[row.at("lsoa21cd")] = row;
    for (const auto& area : p.areas) {
        const auto& row = reference.at(area.code);
        for (std::size_t g = 0; g < p.groups.size(); ++g) {
            const std::string& name = p.groups[g];
            auto check = [&](double actual, const std::string& column) {
                const double expected = std::stod(row.at(column));
                if (std::abs(expected) < 1e-12) EXPECT_NEAR(actual, expected, 1e-12) << area.code << " " << column;
                else EXPECT_TRUE(near_relative(actual, expected)) << area.code << " " << column << ": " << actual;
            };
            check(area.share_a[g], name + "_share_2011");
            check(area.share_b[g], name + "_share_2021");
            check(100.0 * (area.share_b[g] - area.share_a[g]), name + "_change_pp");
        }
    }
    // The top decile (12 of 117) is flagged, ranks are a permutation of 1..117.
    std::size_t fast = 0, rank_sum = 0;
    for (const auto& a : p.areas) {
        fast += a.fast;
        rank_sum += a.rank;
    }
    EXPECT_EQ(fast, 12u);
    EXPECT_EQ(rank_sum, 117u * 118u / 2u);
}

TEST(PaceOfChange, ToyPaceAndGrowthByHand) {
    const Table a = parse_wide_csv("code,x,y\np,50,50\nq,10,90\n", "a.csv");
    const Table b = parse_wide_csv("code,x,y\np,80,20\nq,10,90\nr,5,5\n", "b.csv");
    const PaceOfChange p = pace_of_change(a, b, {10.0, 0.5, -1.0});
    ASSERT_EQ(p.areas.size(), 2u);
    EXPECT_DOUBLE_EQ(p.areas[0].pace, 0.3);  // ½ (|.8 − .5| + |.2 − .5|)
    EXPECT_DOUBLE_EQ(p.areas[1].pace, 0.0);
    EXPECT_TRUE(p.areas[0].fast);
    EXPECT_FALSE(p.areas[1].fast);
    EXPECT_EQ(p.only_b, 1u);
    EXPECT_NEAR(annualised_growth(50, 80, 10), std::pow(1.6, 0.1) - 1, 1e-15);
    EXPECT_TRUE(std::isnan(annualised_growth(0, 5, 10)));
    const Table c = parse_wide_csv("code,x,z\np,1,1\n", "c.csv");
    EXPECT_THROW(pace_of_change(a, c), Error);
}

TEST(Harmonisation, ProgressCountsEveryAreaOnceInOrder) {
    GeographyLookup lookup;
    lookup.source = "toy";
    lookup.from = {"a", "a", "b", "c"};
    lookup.to = {"A1", "A2", "B", "B"};
    lookup.change = {"S", "S", "M", "M"};
    const Table t = parse_wide_csv("code,x\na,8\nz,1\nb,1\nc,2\n", "toy.csv");  // z: not in the lookup, still counted
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    harmonise(t, lookup, nullptr, true, [&calls](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });
    ASSERT_EQ(calls.size(), 4u);
    for (std::size_t k = 0; k < 4; ++k) EXPECT_EQ(calls[k], std::make_pair(k + 1, std::size_t{4}));
}
