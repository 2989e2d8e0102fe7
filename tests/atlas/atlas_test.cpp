// The national atlas library: --town resolution for every LAD of the national table, and
// atlas units equal to the single-town index tables whatever the split of the work.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "analysis/index_tables.hpp"
#include "atlas/atlas_change.hpp"
#include "atlas/census2021_table.hpp"
#include "atlas/national_atlas.hpp"
#include "atlas/town_comparison.hpp"
#include "atlas/town_directory.hpp"
#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "io/table_input.hpp"
#include "study/study.hpp"
#include "support/shared_data.hpp"

namespace cohesion {
namespace {

const Table& national() {
    static const Table t = [] {
        TableInput in;
        in.path = (test::shared_data_dir() / "ew2011_oa_ethnicity.csv.gz").string();
        return load_table(in);
    }();
    return t;
}

const TownDirectory& directory() {
    static const TownDirectory d = make_town_directory(
        national(), (test::shared_data_dir() / "lookups" / "lookup_lsoa11_lsoa21_ltla22.csv.gz").string());
    return d;
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

TEST(TownDirectory, EveryLadNameOfTheNationalTableResolves) {
    const auto& d = directory();
    ASSERT_EQ(d.towns.size(), 348u);
    std::size_t with_code = 0;
    for (const auto& town : d.towns) {
        for (const std::string& typed : {town.name, upper(town.name), "  " + town.name + " "}) {
            const TownSelection s = resolve_town(d, typed);
            EXPECT_EQ(s.name, town.name) << typed;
            EXPECT_EQ(s.where, "LAD=" + town.name);
        }
        if (!town.code.empty()) {
            ++with_code;
            EXPECT_EQ(resolve_town(d, town.code).name, town.name);
            EXPECT_TRUE(town.became.empty());
        } else {
            EXPECT_FALSE(town.became.empty()) << town.name << " has neither a code nor a successor";
        }
    }
    // 2011 → 2021 mergers (Dorset, Suffolk, Somerset, Buckinghamshire, Northamptonshire)
    // leave some 2011 LADs without a code of their own.
    EXPECT_GT(with_code, 300u);
    EXPECT_LT(with_code, 348u);
    // The filter selects exactly the town's areas.
    EXPECT_EQ(filter_areas(national(), resolve_town(d, "bedford").where).areas(), 501u);
}

TEST(TownDirectory, CodesAndCommasAndTypos) {
    const auto& d = directory();
    EXPECT_EQ(resolve_town(d, "e06000055").name, "Bedford");
    EXPECT_EQ(resolve_town(d, "Bedford").code, "E06000055");
    EXPECT_EQ(resolve_town(d, "kingston upon hull, city of").name, "Kingston upon Hull, City of");
    try {
        resolve_town(d, "Bedfrod");
        FAIL() << "a typo resolved";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("nearest: Bedford"), std::string::npos) << e.what();
    }
    EXPECT_THROW(resolve_town(d, ""), Error);
    const auto forest = std::find_if(d.towns.begin(), d.towns.end(), [](auto& t) { return t.name == "Forest Heath"; });
    ASSERT_NE(forest, d.towns.end());
    EXPECT_EQ(forest->became, "West Suffolk (E07000245)");
}

// Atlas values for a LAD equal `cohesion indices --where LAD=NAME --seed <unit seed>`
// (analysis/index_table is what that command renders).
TEST(AtlasUnit, EqualsTheSingleTownIndexTable) {
    AtlasOptions o;
    o.bootstrap = 8;
    o.randomisation = 6;
    for (const std::string lad : {"Bedford", "City of London", "Tower Hamlets"}) {
        const Table t = filter_areas(national(), "LAD=" + lad);
        const AtlasUnit u = compute_atlas_unit(t, lad, o);
        IndexTableRequest r;
        r.suite.indices = {"dissimilarity", "isolation", "mutual_information", "information_theory"};
        r.suite.include_stochastic = false;
        r.suite.params.seed = unit_seed(o.seed, lad);
        r.bootstrap = o.bootstrap;
        r.randomisation = o.randomisation;
        const ResultTable single = index_table(t, r);
        auto col = [&](const std::string& name) {
            return static_cast<std::size_t>(std::find(single.columns.begin(), single.columns.end(), name) -
                                            single.columns.begin());
        };
        ASSERT_EQ(single.rows.size(), u.values.size());
        for (const auto& row : single.rows) {
            const std::string index = std::get<std::string>(row[0]), focal = std::get<std::string>(row[2]);
            const AtlasValue* v = u.find(index, focal);
            ASSERT_NE(v, nullptr) << lad << " " << index << " " << focal;
            const auto same = [&](const std::string& c, double x) {
                const double y = cell_number(row[col(c)]);
                if (std::isnan(y)) EXPECT_TRUE(std::isnan(x)) << lad << " " << index << " " << focal << " " << c;
                else EXPECT_DOUBLE_EQ(x, y) << lad << " " << index << " " << focal << " " << c;
            };
            same("estimate", v->value.estimate);
            same("raw_value", v->value.raw_value);
            same("ci_lower", v->value.ci_lower);
            same("ci_upper", v->value.ci_upper);
            same("expected_if_random", v->chance->expected);
            same("p_value", v->chance->p_value);
        }
        // The hierarchy parts add up to the LAD's M.
        double sum = 0.0;
        for (const auto& p : u.hierarchy) sum += p.M;
        EXPECT_NEAR(sum, u.find("mutual_information", "all groups")->value.raw_value, 1e-12) << lad;
    }
}

TEST(NationalAtlas, UnitsDoNotDependOnTheSplitAndRanksArePeersAreSane) {
    AtlasOptions o;
    o.bootstrap = 6;
    o.randomisation = 0;  // 4 replicates could never give p < 0.05, so nothing would be ranked
    o.peers = 2;
    const Table four = filter_areas(national(), "LAD=Bedford,Luton,Watford,Oxford");
    const AtlasWorkList work = plan_atlas_units(four, o);
    ASSERT_EQ(work.names.size(), 4u);
    const auto units = compute_atlas_units(four, work, o);
    // Bedford computed alone, from the whole national table's rows, is identical.
    const AtlasUnit alone = compute_atlas_unit(filter_areas(national(), "LAD=Bedford"), "Bedford", o);
    const auto bedford = std::find_if(units.begin(), units.end(), [](auto& u) { return u.name == "Bedford"; });
    ASSERT_NE(bedford, units.end());
    ASSERT_EQ(bedford->values.size(), alone.values.size());
    for (std::size_t k = 0; k < alone.values.size(); ++k) {
        EXPECT_EQ(bedford->values[k].value.estimate, alone.values[k].value.estimate);
        EXPECT_EQ(bedford->values[k].rank_replicates, alone.values[k].rank_replicates);
    }
    const NationalAtlas atlas = assemble_atlas(units, o, &four);
    ASSERT_EQ(atlas.composition_peers.size(), 4u);
    for (const auto& peers : atlas.composition_peers) EXPECT_EQ(peers.size(), 2u);
    // M ranks 1..4 with intervals containing the rank.
    std::vector<int> ranks;
    for (const auto& u : atlas.units) {
        const AtlasValue* m = u.find("mutual_information", "all groups");
        ranks.push_back(m->rank);
        if (m->ranked) {
            EXPECT_LE(m->rank_lower, m->rank_upper);
            EXPECT_GE(m->rank_lower, 1);
            EXPECT_LE(m->rank_upper, 4);
        }
        // A group under the rule's size is never ranked.
        const AtlasValue* arab = u.find("dissimilarity", "Arab");
        EXPECT_FALSE(arab->ranked) << u.name;
        EXPECT_FALSE(arab->reason.empty());
    }
    std::sort(ranks.begin(), ranks.end());
    EXPECT_EQ(ranks, (std::vector<int>{1, 2, 3, 4}));
    // Hierarchy of the four-LAD table: five parts adding up to M.
    ASSERT_EQ(atlas.national_hierarchy.size(), 5u);
    double sum = 0.0;
    for (const auto& p : atlas.national_hierarchy) sum += p.M;
    IndexTableRequest r;
    r.suite.indices = {"mutual_information"};
    EXPECT_NEAR(sum, cell_number(index_table(four, r).rows.at(0).at(4)), 1e-12);
}

}  // namespace
}  // namespace cohesion

namespace cohesion {
namespace {

TEST(TownComparison, PeersNationalValueAndSentence) {
    AtlasOptions o;
    o.randomisation = 0;
    o.peers = 2;
    const Table four = filter_areas(national(), "LAD=Bedford,Luton,Watford,Oxford");
    const AtlasWorkList work = plan_atlas_units(four, o);
    const NationalAtlas atlas = assemble_atlas(compute_atlas_units(four, work, o), o, &four);
    const TownComparison c = compare_town(atlas, "Bedford");
    ASSERT_EQ(c.peers.size(), 2u);
    const auto row = std::find_if(c.rows.begin(), c.rows.end(),
                                  [](auto& r) { return r.index == "dissimilarity" && r.group == "Pakistani"; });
    ASSERT_NE(row, c.rows.end());
    EXPECT_NEAR(row->town, 0.6710167203677652, 1e-12);  // `cohesion indices --where LAD=Bedford`
    EXPECT_TRUE(std::isfinite(row->national));
    EXPECT_EQ(row->among_peers.of, 3);
    EXPECT_NE(row->sentence.find("Bedford's Pakistani D is 0.67"), std::string::npos) << row->sentence;
    EXPECT_NE(row->sentence.find("most similar towns"), std::string::npos) << row->sentence;
    EXPECT_THROW(compare_town(atlas, "Nowhere"), Error);
}

// The change table's row of a LAD is what `run --town NAME`'s change step computes for it:
// the study's own loading (study/study.cpp load_study_change) with the inputs
// project/national_town.cpp gives it, then the Shapley decomposition. On the bundled
// Bedford files (the national files' rows for Bedford), so the test is fast.
TEST(AtlasChange, EqualsTheTownStudysChangeAndPartsAddUp) {
    const std::string data = COHESION_EXAMPLE_DATA;
    AtlasChangeSources sources = atlas_change_sources("", data + "/schemes");
    sources.earlier = data + "/bedford/oa2011_ethnicity.csv";
    sources.later = data + "/bedford/lsoa2021_ethnic5.csv";
    sources.lookup = data + "/bedford/lookup_lsoa11_lsoa21.csv";
    const AtlasChangeInputs inputs = load_atlas_change_inputs(sources);
    EXPECT_EQ(inputs.earlier.group_names(), (std::vector<std::string>{"White", "Mixed", "Asian", "Black", "Other"}));
    const auto rows = compute_atlas_change(inputs, {"Bedford", "Nowhere"});
    ASSERT_EQ(rows.size(), 2u);
    const AtlasChange& r = rows[0];
    const MutualDifference& d = r.difference;
    EXPECT_TRUE(r.reason.empty());
    EXPECT_GT(r.areas, 100u);
    EXPECT_NEAR(d.group_marginal + d.unit_marginal + d.structural + d.additions + d.removals, d.diff, 1e-12);
    EXPECT_NEAR(d.M2 - d.M1, d.diff, 1e-15);
    EXPECT_GT(r.H1, 0.0);
    EXPECT_NEAR(r.people_earlier, 157479.0, 1e-6);  // Bedford's 2011 residents, Gypsy/Irish Travellers included
    EXPECT_EQ(rows[1].reason, "not in the 2011 table");
    EXPECT_TRUE(std::isnan(rows[1].difference.M1));

    StudyChangeSpec c;
    c.earlier.path = sources.earlier;
    c.earlier.where = {"LAD=Bedford"};
    c.earlier.aggregate_to = "LSOA";
    c.earlier.scheme_path = sources.earlier_scheme;
    c.later.path = sources.later;
    c.later.scheme_path = sources.later_scheme;
    c.lookup.lookup = sources.lookup;
    c.lookup.options.from_column = "lsoa11_code";
    c.lookup.options.to_column = "lsoa21_code";
    c.lookup.options.change_column = "change_code";
    c.lookup.weights_table = sources.later;
    c.later_areas_of_earlier = true;
    const StudyChangeInputs town = load_study_change(c, false);
    const MutualDifference single = mutual_difference(town.earlier.table, town.later);
    EXPECT_EQ(r.areas, town.earlier.table.areas());
    EXPECT_NEAR(d.M1, single.M1, 1e-13);
    EXPECT_NEAR(d.M2, single.M2, 1e-13);
    EXPECT_NEAR(d.structural, single.structural, 1e-13);
    EXPECT_NEAR(d.group_marginal, single.group_marginal, 1e-13);
    EXPECT_NEAR(d.unit_marginal, single.unit_marginal, 1e-13);
}

// The 2021 atlas's directory: every authority of the table by name and by code, in any
// case, with its region; a comma in a name is kept whole.
TEST(Census2021Directory, EveryNameAndCodeResolves) {
    Table t({"E00000001", "E00000002", "E00000003", "E00000004"}, {"white"});
    t.add_level({"LAD", {"Luton", "Luton", "Bristol, City of", "Bedford"}});
    t.add_level({"LAD_CODE", {"E06000032", "E06000032", "E06000023", "E06000055"}});
    t.add_level({"RGN", {"East of England", "East of England", "South West", "East of England"}});
    const TownDirectory d = census2021_town_directory(t);
    ASSERT_EQ(d.towns.size(), 3u);
    for (const auto& town : d.towns) {
        EXPECT_EQ(resolve_town(d, upper(town.name)).name, town.name);
        EXPECT_EQ(resolve_town(d, town.code).name, town.name);
        EXPECT_TRUE(town.became.empty());
    }
    EXPECT_EQ(resolve_town(d, "bristol, city of").where, "LAD=Bristol, City of");
    EXPECT_EQ(d.towns[1].region, "South West");
    EXPECT_THROW(resolve_town(d, "Lutton"), Error);
}

}  // namespace
}  // namespace cohesion
