// Who lives most apart (analysis/group_ranking): hand-computed dissimilarities on a toy
// table, the ranking rule (size, chance), rank intervals, and Bedford against R/pysal.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/group_ranking.hpp"
#include "core/error.hpp"
#include "support/bedford.hpp"

using namespace cohesion;

namespace {

// Two areas of about 900 people. By hand, each group against everyone else:
//   A [600, 0]:   D = ½(|1 − 310/1210| + |0 − 900/1210|) = 900/1210
//   B [300, 300]: D = ½(|.5 − 610/1210| + |.5 − 600/1210|) = 5/1210   (spread evenly)
//   C [0, 600]:   D = 910/1210
//   D [10, 0]:    D = ½(|1 − .5| + |0 − .5|) = 0.5                   (10 people)
Table toy() {
    Table t({"a1", "a2"}, {});
    t.add_group("A", {600, 0});
    t.add_group("B", {300, 300});
    t.add_group("C", {0, 600});
    t.add_group("D", {10, 0});
    return t;
}

}  // namespace

TEST(GroupRanking, RanksByHandComputedDissimilarityAndAppliesTheSizeRule) {
    GroupRankingOptions o;
    o.bootstrap = 0;
    const GroupRankings k = rank_groups(toy(), o);
    ASSERT_EQ(k.groups.size(), 4u);
    EXPECT_EQ(k.groups[0].group, "C");
    EXPECT_NEAR(k.groups[0].value.estimate, 910.0 / 1210.0, 1e-15);
    EXPECT_EQ(k.groups[0].rank, 1);
    EXPECT_EQ(k.groups[1].group, "A");
    EXPECT_NEAR(k.groups[1].value.raw_value, 900.0 / 1210.0, 1e-15);
    EXPECT_EQ(k.groups[1].rank, 2);
    EXPECT_EQ(k.groups[2].group, "B");
    EXPECT_NEAR(k.groups[2].value.raw_value, 5.0 / 1210.0, 1e-15);
    EXPECT_EQ(k.groups[2].rank, 3);
    // D has a higher index than B but only 10 people: listed, not ranked.
    EXPECT_EQ(k.groups[3].group, "D");
    EXPECT_NEAR(k.groups[3].value.raw_value, 0.5, 1e-15);
    EXPECT_FALSE(k.groups[3].eligible);
    EXPECT_EQ(k.groups[3].rank, 0);
    EXPECT_EQ(k.groups[3].reason, "fewer than 500 people");
    EXPECT_NEAR(k.groups[3].share, 10.0 / 1810.0, 1e-15);
    EXPECT_EQ(k.top()->group, "C");
    EXPECT_EQ(k.groups[0].rank_lower, 0);  // no bootstrap, no rank interval

    // The rule is configurable: with no minimum, D ranks above B.
    o.rule.min_people = 0;
    o.rule.min_share = 0;
    const GroupRankings all = rank_groups(toy(), o);
    EXPECT_EQ(all.find("D")->rank, 3);
    EXPECT_EQ(all.find("B")->rank, 4);
}

TEST(GroupRanking, GroupsSpreadLikeChanceAreFlaggedNotRanked) {
    GroupRankingOptions o;
    o.bootstrap = 0;
    o.randomisation = 99;
    o.seed = 11;
    const GroupRankings k = rank_groups(toy(), o);
    const GroupRanking* b = k.find("B");
    ASSERT_TRUE(b && b->chance);
    // B is spread more evenly than random allocation usually spreads 600 people.
    EXPECT_GT(b->chance->p_value, 0.05);
    EXPECT_FALSE(b->eligible);
    EXPECT_NE(b->reason.find("not distinguishable from random allocation"), std::string::npos) << b->reason;
    EXPECT_NEAR(b->chance->excess, b->value.raw_value - b->chance->expected, 1e-15);
    const GroupRanking* c = k.find("C");
    EXPECT_DOUBLE_EQ(c->chance->p_value, 1.0 / 100.0);  // no random allocation comes near 0.75
    EXPECT_EQ(c->rank, 1);
    EXPECT_EQ(k.find("A")->rank, 2);
    const ResultTable t = ranking_table(k);
    EXPECT_EQ(t.columns.front(), "rank");
    EXPECT_EQ(t.columns.back(), "reason");
    EXPECT_TRUE(std::holds_alternative<std::monostate>(t.rows[2][0]));  // B: no rank
}

TEST(GroupRanking, RankIntervalsFromJointReplicates) {
    GroupRankingOptions o;
    o.bootstrap = 200;
    o.seed = 3;
    const GroupRankings k = rank_groups(toy(), o);
    for (const auto& g : k.groups) {
        if (!g.eligible) continue;
        EXPECT_GE(g.rank_lower, 1) << g.group;
        EXPECT_LE(g.rank_lower, g.rank_upper) << g.group;
        EXPECT_LE(g.rank_upper, 3) << g.group;
        EXPECT_LE(g.value.ci_lower, g.value.estimate) << g.group;
        EXPECT_GE(g.value.ci_upper, g.value.estimate) << g.group;
    }
    // B (D ≈ 0.004) is always last; A and C (0.744 vs 0.752, a few hundred people each
    // side) are close enough that resampling swaps them.
    EXPECT_EQ(k.find("B")->rank_lower, 3);
    EXPECT_EQ(k.find("B")->rank_upper, 3);
    EXPECT_EQ(k.find("C")->rank_lower, 1);
    EXPECT_EQ(k.find("C")->rank_upper, 2);
    // B's raw D is almost all chance: the debiased estimate is far below it.
    EXPECT_LT(k.find("B")->value.estimate, k.find("B")->value.raw_value);
}

TEST(GroupRanking, BedfordRanksLargeGroupsOnlyAndMatchesTheReference) {
    GroupRankingOptions o;
    o.also = {"isolation"};
    o.bootstrap = 40;
    o.randomisation = 40;
    const GroupRankings k = rank_groups(test::bedford_oa_2011(), o);
    // Raw values equal the two-group views (reference: R segregation / pysal, Pakistani vs rest).
    EXPECT_NEAR(k.find("Pakistani")->value.raw_value, 0.6710167204, 1e-9);
    EXPECT_NEAR(k.find("Pakistani")->also.at(0).raw_value, 0.1831697093, 1e-9);
    const GroupRanking* arab = k.find("Arab");
    EXPECT_FALSE(arab->eligible);  // 331 people, 0.2 %: the old "least integrated group"
    EXPECT_EQ(arab->rank, 0);
    const GroupRanking* top = k.top();
    ASSERT_NE(top, nullptr);
    EXPECT_GE(top->people, 500.0);
    EXPECT_GE(top->share, 0.01);
    EXPECT_EQ(top->rank_lower, 1);
    EXPECT_LT(top->chance->p_value, 0.05);
    EXPECT_LT(top->value.estimate, top->value.raw_value);
    // Ranked groups come first, in rank order, by their debiased estimates.
    int last_rank = 0;
    double last = 2.0;
    for (const auto& g : k.groups) {
        if (!g.eligible) break;
        EXPECT_EQ(g.rank, last_rank + 1);
        EXPECT_LE(g.value.estimate, last);
        last_rank = g.rank;
        last = g.value.estimate;
    }
    EXPECT_GT(last_rank, 3);
}

TEST(GroupRanking, RejectsMultigroupIndices) {
    GroupRankingOptions o;
    o.index = "mutual_information";
    EXPECT_THROW(rank_groups(toy(), o), Error);
}
