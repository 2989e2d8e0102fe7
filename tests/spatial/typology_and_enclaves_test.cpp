#include <gtest/gtest.h>

#include "autocorrelation/hot_spots.hpp"
#include "core/error.hpp"
#include "spatial/enclaves.hpp"
#include "spatial/place_names.hpp"
#include "spatial/typology.hpp"
#include "support/bedford.hpp"
#include "support/reference_weights.hpp"

using namespace cohesion;

namespace {
CountMatrix toy_matrix() {
    // Units (Host, A, B): u0 90/5/5, u1 60/30/10, u2 40/30/30, u3 20/70/10, u4 20/40/40
    std::vector<double> cells = {90, 60, 40, 20, 20,   // Host
                                 5,  30, 30, 70, 40,   // A
                                 5,  10, 30, 10, 40};  // B
    return make_count_matrix(cells, 5, {"Host", "A", "B"});
}
}  // namespace

TEST(Typology, PoulsenJohnstonForrestThresholdsByHand) {
    TypologyOptions o;
    o.host_group = "Host";
    const auto types = classify_neighbourhoods(toy_matrix(), o);
    ASSERT_EQ(types.size(), 5u);
    EXPECT_EQ(types[0].type, 1);  // 90 % host
    EXPECT_EQ(types[1].type, 2);  // 60 %
    EXPECT_EQ(types[2].type, 3);  // 40 %
    // u3: host 20 %, A = 70/80 = 87.5 % of minorities → polarised; A has 70 of 175 (40 %) of
    // its town-wide population there ≥ 30 % → ghetto.
    EXPECT_EQ(types[3].type, 6);
    EXPECT_EQ(types[3].dominant, "A");
    EXPECT_DOUBLE_EQ(types[3].dominant_share_of_minorities, 70.0 / 80.0);
    EXPECT_EQ(types[4].type, 4);  // host 20 %, A = B = 50 % of minorities → mixed minority
    EXPECT_EQ(types[4].label, "IV mixed-minority enclave");
    o.ghetto_share = 0.5;  // now 40 % is not enough: stays a polarised enclave
    EXPECT_EQ(classify_neighbourhoods(toy_matrix(), o)[3].type, 5);
    o.host_group = "Nobody";
    EXPECT_THROW(classify_neighbourhoods(toy_matrix(), o), Error);
}

TEST(Typology, BedfordIsMostlyHostMajority) {
    TypologyOptions o;
    o.host_group = "WhiteBrit";
    const auto types = classify_neighbourhoods(multigroup(test::bedford_oa_2011()), o);
    std::array<int, 7> counts{};
    for (const auto& t : types) ++counts[t.type];
    EXPECT_EQ(types.size(), 501u);
    EXPECT_GT(counts[1] + counts[2], 400);
    int total = 0;
    for (int c : counts) total += c;
    EXPECT_EQ(total, 501);
}

TEST(Enclaves, ContiguousHotSpotsJoinAndSmallOnesAreDropped) {
    // A path 0-1-2-3-4-5 where areas 1, 2 and 4 are hot: {1,2} is one enclave, {4} is too small.
    const Weights w = weights_from_lists({{1}, {0, 2}, {1, 3}, {2, 4}, {3, 5}, {4}}, {}, "path");
    HotSpots h;
    h.hot_spot = {"ns", "hot", "hot", "ns", "hot", "ns"};
    h.cluster = {"ns", "HH", "ns", "ns", "HH", "ns"};
    const std::vector<double> group{0, 30, 50, 0, 40, 0}, total{100, 100, 100, 100, 100, 100}, area{1, 2, 3, 4, 5, 6};
    const std::vector<std::string> codes{"a", "b", "c", "d", "e", "f"};
    const auto e = find_enclaves("G", group, total, codes, area, w, h);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].name, "G enclave 1");
    EXPECT_EQ(e[0].members, (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(e[0].core_area, "c");
    EXPECT_DOUBLE_EQ(e[0].group_count, 80.0);
    EXPECT_DOUBLE_EQ(e[0].group_share, 0.4);
    EXPECT_DOUBLE_EQ(e[0].share_of_group, 80.0 / 120.0);
    EXPECT_DOUBLE_EQ(e[0].area_km2, 5.0);
    EnclaveOptions single;
    single.min_areas = 1;
    EXPECT_EQ(find_enclaves("G", group, total, codes, area, w, h, single).size(), 2u);
}

TEST(Enclaves, MembersNeedALocationQuotientOfAtLeastMinLq) {
    // Town share 120 / 600 = 20 %. Area b (21 %, LQ 1.05) is a hot spot beside c but barely
    // above the town's share: with the default rule (LQ >= 1.5) it is not in the enclave.
    const Weights w = weights_from_lists({{1}, {0, 2}, {1, 3}, {2, 4}, {3, 5}, {4}}, {}, "path");
    HotSpots h;
    h.hot_spot = {"ns", "hot", "hot", "hot", "ns", "ns"};
    h.cluster = {"ns", "ns", "ns", "ns", "ns", "ns"};
    const std::vector<double> group{0, 21, 50, 40, 9, 0}, total{100, 100, 100, 100, 100, 100};
    const std::vector<std::string> codes{"a", "b", "c", "d", "e", "f"};
    const auto strict = find_enclaves("G", group, total, codes, {}, w, h);
    ASSERT_EQ(strict.size(), 1u);
    EXPECT_EQ(strict[0].members, (std::vector<std::size_t>{2, 3}));
    EnclaveOptions loose;
    loose.min_lq = 0.0;  // the old rule: any hot spot above the town's share
    EXPECT_EQ(find_enclaves("G", group, total, codes, {}, w, h, loose)[0].members, (std::vector<std::size_t>{1, 2, 3}));
    // Named after the places holding most of their residents; without places, the most
    // populous area's code.
    EXPECT_EQ(strict[0].place, "c");
    EnclaveOptions named;
    named.places = {"North", "North", "Queens Park", "Kingsbrook", "South", "South"};
    EXPECT_EQ(find_enclaves("G", group, total, codes, {}, w, h, named)[0].place, "Kingsbrook and Queens Park");  // a tie: by name
}

TEST(PlaceNames, TheLargestPlaceNamesTheGroupAndASecondJoinsFromAThird) {
    const std::vector<double> people{500, 400, 100, 100};
    const std::vector<std::string> place{"Castle", "Harpur", "Castle", "Cauldwell"};
    EXPECT_EQ(place_name({0, 1, 2, 3}, people, place, true), "Castle and Harpur");  // 600, then 400 of 1100 (>= a third)
    EXPECT_EQ(place_name({0, 2, 3}, people, place, true), "Castle");                // 600 + 100 of 700
    EXPECT_EQ(place_name({0, 1, 2, 3}, people, place, false), "Castle");
    EXPECT_EQ(place_name({}, people, place, true), "");
    std::vector<Enclave> two(2);
    two[0].members = {0};
    two[1].members = {2};
    name_enclaves(two, people, place, true);
    EXPECT_EQ(two[0].place, "Castle");
    EXPECT_EQ(two[1].place, "Castle (2)");
}

TEST(Enclaves, BedfordPakistaniHotSpotsFormEnclavesAroundTheStrongestArea) {
    const Table& t = test::bedford_oa_2011();
    const auto pakistani = t.column(t.group_index("Pakistani"));
    std::vector<double> share(t.areas());
    for (std::size_t i = 0; i < t.areas(); ++i) share[i] = pakistani[i] / t.declared_total()[i];
    const Weights w = test::reference_queen_weights(t.area_codes());
    HotSpotOptions o;
    o.permutations = 999;
    const HotSpots h = find_hot_spots(share, w, o);
    const auto enclaves = find_enclaves("Pakistani", pakistani, t.declared_total(), t.area_codes(), {}, w, h);
    ASSERT_FALSE(enclaves.empty());
    // E00088526 has the largest local Moran and G* z in the reference: it is in the first enclave.
    const auto& first = enclaves.front();
    bool has_peak = false;
    for (std::size_t i : first.members) has_peak |= t.area_codes()[i] == "E00088526";
    EXPECT_TRUE(has_peak);
    EXPECT_GT(first.group_share, 0.1);  // far above the town's 2.1 %
    double share_sum = 0.0;
    for (const auto& e : enclaves) share_sum += e.share_of_group;
    EXPECT_LE(share_sum, 1.0);
    // Labels: every G* hot spot has a positive z.
    for (std::size_t i = 0; i < t.areas(); ++i)
        if (h.hot_spot[i] == "hot") {
            EXPECT_GT(h.getis_ord.z[i], 0.0);
        }
}
