// Moran's I, local Moran and Getis-Ord G* on the Bedford Pakistani share against the
// values pysal esda / R spdep give (../shared/reference/bedford2011_spatial.json and
// bedford2011_local_moran.csv), plus hand-computed toy cases.
#include <gtest/gtest.h>
#include <tbb/parallel_for.h>

#include <fstream>
#include <map>
#include <sstream>

#include "autocorrelation/getis_ord.hpp"
#include "core/error.hpp"
#include "autocorrelation/global_moran.hpp"
#include "autocorrelation/hot_spot_memo.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "autocorrelation/local_moran.hpp"
#include "autocorrelation/local_permutation_p.hpp"
#include "inference/false_discovery_rate.hpp"
#include "support/bedford.hpp"
#include "support/reference_csv.hpp"
#include "support/reference_weights.hpp"

using namespace cohesion;
using cohesion::test::near_relative;

namespace {

struct BedfordShare {
    std::vector<double> share;
    Weights queen;
};

const BedfordShare& bedford() {
    static const BedfordShare data = [] {
        const Table& t = test::bedford_oa_2011();
        BedfordShare d;
        const auto pakistani = t.column(t.group_index("Pakistani"));
        for (std::size_t i = 0; i < t.areas(); ++i) d.share.push_back(pakistani[i] / t.declared_total()[i]);
        d.queen = test::reference_queen_weights(t.area_codes());
        return d;
    }();
    return data;
}

}  // namespace

TEST(Autocorrelation, GlobalMoranRowStandardisedMatchesEsdaAndSpdep) {
    const auto ref = test::read_reference_json("bedford2011_spatial.json")["autocorrelation"]["moran_global_row_standardised"];
    const auto m = global_moran(bedford().share, row_standardised(bedford().queen));
    EXPECT_TRUE(near_relative(m.I, ref["I"].get<double>()));
    EXPECT_TRUE(near_relative(m.I, 0.766298634032, 1e-11));
    EXPECT_TRUE(near_relative(m.variance_normal, ref["VI_norm"].get<double>()));
    EXPECT_TRUE(near_relative(m.variance_randomisation, ref["VI_rand"].get<double>()));
    EXPECT_TRUE(near_relative(m.z_normal, ref["z_norm"].get<double>()));
    EXPECT_TRUE(near_relative(m.z_randomisation, ref["z_rand"].get<double>()));
    EXPECT_TRUE(near_relative(m.S1, ref["S1"].get<double>()));
    EXPECT_TRUE(near_relative(m.S2, ref["S2"].get<double>()));
    EXPECT_TRUE(near_relative(m.kurtosis_b2, ref["kurtosis_b2"].get<double>()));
    EXPECT_DOUBLE_EQ(m.expected, -0.002);
}

TEST(Autocorrelation, GlobalMoranBinaryMatches) {
    const auto ref = test::read_reference_json("bedford2011_spatial.json")["autocorrelation"]["moran_global_binary_extra"];
    const auto m = global_moran(bedford().share, bedford().queen, 99, 7);
    EXPECT_TRUE(near_relative(m.I, ref["I"].get<double>()));
    EXPECT_TRUE(near_relative(m.variance_normal, ref["VI_norm"].get<double>()));
    EXPECT_TRUE(near_relative(m.variance_randomisation, ref["VI_rand"].get<double>()));
    EXPECT_DOUBLE_EQ(m.S0, 2938.0);
    EXPECT_DOUBLE_EQ(m.S1, 5876.0);
    EXPECT_DOUBLE_EQ(m.S2, 78384.0);
    // Strong clustering: no permutation reaches the observed I.
    EXPECT_DOUBLE_EQ(m.p_permutation, 1.0 / 100.0);
}

TEST(Autocorrelation, LocalMoranAndGetisOrdMatchEveryArea) {
    const auto rows = test::read_reference_csv("bedford2011_local_moran.csv");
    ASSERT_EQ(rows.size(), 501u);
    const auto lisa = local_moran(bedford().share, row_standardised(bedford().queen), 0);
    const auto gi = getis_ord_star(bedford().share, bedford().queen, 0);
    const auto& codes = test::bedford_oa_2011().area_codes();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        ASSERT_EQ(codes[i], r.at("OA"));
        auto check = [&](double actual, const char* column) {
            const double expected = std::stod(r.at(column));
            if (std::abs(expected) < 1e-12) EXPECT_NEAR(actual, expected, 1e-12) << r.at("OA") << " " << column;
            else EXPECT_TRUE(near_relative(actual, expected)) << r.at("OA") << " " << column << ": " << actual << " vs " << expected;
        };
        check(lisa.z_standardised[i], "z");
        check(lisa.lag[i], "lag_share_rowstd");
        check(lisa.I_esda[i], "Ii");
        check(lisa.I[i], "Ii_anselin");
        check(lisa.expected_total[i], "E_Ii_total");
        check(lisa.variance_total[i], "Var_Ii_total");
        check(lisa.z_total[i], "Z_Ii_total");
        check(lisa.expected_conditional[i], "E_Ii_cond");
        check(lisa.variance_conditional[i], "Var_Ii_cond");
        check(lisa.z_conditional[i], "Z_Ii_cond");
        EXPECT_EQ(lisa.quadrant[i], std::stoi(r.at("quadrant"))) << r.at("OA");
        check(gi.G[i], "Gi_star");
        check(gi.expected[i], "E_Gi_star");
        check(gi.variance[i], "Var_Gi_star");
        check(gi.z[i], "Z_Gi_star");
    }
}

TEST(Autocorrelation, PermutationPValuesAreSeededAndThreadIndependent) {
    const auto w = row_standardised(bedford().queen);
    const auto a = local_moran(bedford().share, w, 199, 42);
    const auto b = local_moran(bedford().share, w, 199, 42);
    const auto c = local_moran(bedford().share, w, 199, 43);
    EXPECT_EQ(a.p_permutation, b.p_permutation);
    EXPECT_NE(a.p_permutation, c.p_permutation);
    for (double p : a.p_permutation) {
        EXPECT_GE(p, 1.0 / 200.0);
        EXPECT_LE(p, 0.5 + 1e-12);
    }
    // The strongest hot spot (E00088526) is significant at the minimum attainable p.
    const auto& codes = test::bedford_oa_2011().area_codes();
    const auto hot = std::find(codes.begin(), codes.end(), "E00088526") - codes.begin();
    EXPECT_DOUBLE_EQ(a.p_permutation[hot], 1.0 / 200.0);
}

TEST(Autocorrelation, HotSpotsTestBothStatisticsOnOneSetOfPermutations) {
    // One draw per permutation serves both tests: the LISA's p-values are local_moran's, and
    // G*'s are getis_ord_star's on the same engines (the same seed draws the same neighbours).
    const auto w = row_standardised(bedford().queen);
    const auto lisa = local_moran(bedford().share, w, 199, 42);
    const auto g = getis_ord_star(bedford().share, bedford().queen, 199, 42);
    const auto p = local_permutation_p(bedford().share, lisa, g, w, 199, 42);
    EXPECT_EQ(p.local_moran, lisa.p_permutation);
    EXPECT_EQ(p.getis_ord, g.p_permutation);
    EXPECT_NE(p.getis_ord, getis_ord_star(bedford().share, bedford().queen, 199, 43).p_permutation);
    HotSpotOptions o;
    o.permutations = 199;
    o.seed = 42;
    const HotSpots h = find_hot_spots(bedford().share, bedford().queen, o);
    EXPECT_EQ(h.lisa.p_permutation, lisa.p_permutation);
    EXPECT_EQ(h.getis_ord.p_permutation, g.p_permutation);
    EXPECT_EQ(h.lisa.permutations, 199);
    EXPECT_EQ(h.getis_ord.permutations, 199);
}

TEST(Autocorrelation, HotSpotProgressCountsEveryAreaOfBothTestsInOrder) {
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    HotSpotOptions o;
    o.permutations = 19;
    o.progress = [&calls](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    const HotSpots with = find_hot_spots(bedford().share, bedford().queen, o);
    const std::size_t n = bedford().share.size();
    ASSERT_EQ(calls.size(), 2 * n);  // both tests of every area, islands included
    for (std::size_t k = 0; k < calls.size(); ++k) EXPECT_EQ(calls[k], std::make_pair(k + 1, 2 * n));
    o.progress = nullptr;  // reporting changes nothing
    EXPECT_EQ(find_hot_spots(bedford().share, bedford().queen, o).lisa.p_permutation, with.lisa.p_permutation);
}

TEST(Autocorrelation, HotSpotMemoAnswersARepeatedQuestionOnceWithTheSameAnswer) {
    HotSpotOptions plain;
    plain.permutations = 19;
    const HotSpots fresh = find_hot_spots(bedford().share, bedford().queen, plain);
    HotSpotOptions o = plain;
    o.memo = std::make_shared<HotSpotMemo>();
    // Two analyses asking at once (as a study's steps do), then again: one computation.
    std::vector<HotSpots> answers(3);
    tbb::parallel_for(0, 3, [&](int k) { answers[static_cast<std::size_t>(k)] = find_hot_spots(bedford().share, bedford().queen, o); });
    EXPECT_EQ(o.memo->computed(), 1u);
    for (const auto& a : answers) {
        EXPECT_EQ(a.getis_ord.p_permutation, fresh.getis_ord.p_permutation);
        EXPECT_EQ(a.lisa.p_permutation, fresh.lisa.p_permutation);
        EXPECT_EQ(a.hot_spot, fresh.hot_spot);
    }
    // Another seed, other values or another alpha is another question.
    o.seed += 1;
    find_hot_spots(bedford().share, bedford().queen, o);
    o.seed -= 1;
    o.alpha = 0.1;
    find_hot_spots(bedford().share, bedford().queen, o);
    o.alpha = plain.alpha;
    std::vector<double> other = bedford().share;
    other[0] += 0.01;
    find_hot_spots(other, bedford().queen, o);
    EXPECT_EQ(o.memo->computed(), 4u);
    find_hot_spots(bedford().share, bedford().queen, o);
    EXPECT_EQ(o.memo->computed(), 4u);
}

TEST(Autocorrelation, MoranOnAToyLatticeByHand) {
    // 2×2 rook lattice (0-1, 0-2, 1-3, 2-3), y = (1, 0, 0, 1): every neighbour pair
    // differs. z = (.5, -.5, -.5, .5), Σ z² = 1, Σ_ij w_ij z_i z_j = 8 × (−.25) = −2,
    // S0 = 8 → I = (4/8) · (−2) / 1 = −1.
    const Weights w = weights_from_lists({{1, 2}, {0, 3}, {0, 3}, {1, 2}}, {}, "toy");
    const std::vector<double> y{1, 0, 0, 1};
    EXPECT_DOUBLE_EQ(global_moran(y, w).I, -1.0);
    const std::vector<double> smooth{1, 1, 0, 0};  // pairs 0-1 and 2-3 alike, 0-2 and 1-3 differ: I = 0
    EXPECT_NEAR(global_moran(smooth, w).I, 0.0, 1e-15);
    EXPECT_THROW(global_moran(std::vector<double>{1, 1, 1, 1}, w), Error);
}

TEST(Autocorrelation, BenjaminiHochbergByHand) {
    // p = (.01, .04, .03, .5), n = 4: sorted .01 .03 .04 .5 → .04, .06, .0533, .5 → monotone
    // from the top: .5, .0533, .0533, .04.
    const std::vector<double> p{0.01, 0.04, 0.03, 0.5};
    const auto q = benjamini_hochberg(p);
    EXPECT_DOUBLE_EQ(q[0], 0.04);
    EXPECT_DOUBLE_EQ(q[1], 0.04 * 4 / 3);
    EXPECT_DOUBLE_EQ(q[2], 0.04 * 4 / 3);
    EXPECT_DOUBLE_EQ(q[3], 0.5);
}
