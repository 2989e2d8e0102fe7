// Adding an index is one file plus its registration: a throw-away index registered here with
// every combination of the three axes (groups × output × needs, index.hpp) must show up, on
// the right views, in the suite plan, the indices/spatial/local tables and the generated docs,
// with no edit anywhere else. Each fake index checks that it was handed the view and inputs
// its axes promise, so a planner that ignored an axis would fail here, not only list it.
#include <gtest/gtest.h>

#include <algorithm>
#include <list>

#include "analysis/index_docs.hpp"
#include "analysis/index_tables.hpp"
#include "analysis/spatial_data.hpp"
#include "analysis/spatial_index_table.hpp"
#include "core/error.hpp"
#include "geo/area_layer.hpp"
#include "indices/index_suite.hpp"
#include "io/wide_csv_loader.hpp"

using namespace cohesion;

namespace {

// Registers an index for the test's duration only (other tests share the registry).
struct TestIndex {
    explicit TestIndex(IndexDefinition d) : name(d.info.name) { IndexRegistry::instance().add(std::move(d)); }
    ~TestIndex() { IndexRegistry::instance().remove(name); }
    TestIndex(const TestIndex&) = delete;
    TestIndex& operator=(const TestIndex&) = delete;
    std::string name;
};

std::string name_of(IndexGroups groups, IndexOutput output, const std::string& need) {
    return std::string("zz_test_") + (groups == IndexGroups::two_group ? "two" : "multi") + "_" +
           (output == IndexOutput::one_value ? "value" : "area") + "_" + need;
}

IndexNeeds needs_of(const std::string& need) {
    return IndexNeeds{.unit_areas = need == "areas", .weights = need == "weights", .geometry = need == "geometry"};
}

const std::vector<std::string> all_needs{"none", "areas", "weights", "geometry"};

// Throws when the view or the inputs are not what the axes ask for.
void check_input(const IndexInput& in, IndexGroups groups, const IndexNeeds& needs) {
    // The tables here have three or more groups, so only a two-group view has two columns.
    if ((groups == IndexGroups::two_group) != (in.counts.groups == 2))
        throw Error("test index got the wrong view: " + in.counts.description);
    if (needs.unit_areas && in.params.unit_areas.empty()) throw Error("test index got no unit areas");
    if (needs.weights && !in.params.weights) throw Error("test index got no weights");
    if (needs.geometry && !in.params.geometry) throw Error("test index got no geometry");
}

// Every combination, registered like a real index file does it (only the name is generated).
std::list<TestIndex> register_every_combination() {
    std::list<TestIndex> out;
    for (IndexGroups groups : {IndexGroups::two_group, IndexGroups::multigroup})
        for (IndexOutput output : {IndexOutput::one_value, IndexOutput::per_area})
            for (const auto& need : all_needs) {
                const IndexNeeds needs = needs_of(need);
                IndexDefinition d{IndexInfo{.name = name_of(groups, output, need),
                                            .title = "Test index",
                                            .description = "A throw-away index of the axes test.",
                                            .formula = "units of the view",
                                            .reference = "none",
                                            .library_name = "",
                                            .groups = groups,
                                            .output = output,
                                            .needs = needs},
                                  {},
                                  {}};
                if (output == IndexOutput::one_value)
                    d.compute = [groups, needs](const IndexInput& in) {
                        check_input(in, groups, needs);
                        return static_cast<double>(in.counts.units);
                    };
                else
                    d.compute_local = [groups, needs](const IndexInput& in) {
                        check_input(in, groups, needs);
                        return LocalColumns{{"units"}, {std::vector<double>(in.counts.units, 1.0)}};
                    };
                out.emplace_back(std::move(d));
            }
    return out;
}

Table toy_table() {
    Table t({"a1", "a2", "a3"}, {"A", "B", "C"});
    const double counts[3][3] = {{10, 0, 5}, {3, 7, 0}, {0, 4, 6}};  // [group][area]
    for (std::size_t g = 0; g < 3; ++g)
        for (std::size_t i = 0; i < 3; ++i) t.column(g)[i] = counts[g][i];
    return t;
}

bool has_item(const SuitePlan& plan, const std::string& index, const std::string& focal) {
    return std::any_of(plan.items.begin(), plan.items.end(), [&](const SuiteItem& item) {
        return item.index->info.name == index && item.focal == focal;
    });
}

bool mentions(const std::vector<std::string>& notes, const std::string& text) {
    return std::any_of(notes.begin(), notes.end(), [&](const auto& n) { return n.find(text) != std::string::npos; });
}

std::vector<std::string> column_values(const ResultTable& t, const std::string& column) {
    const auto c = static_cast<std::size_t>(
        std::find(t.columns.begin(), t.columns.end(), column) - t.columns.begin());
    std::vector<std::string> out;
    for (const auto& row : t.rows)
        if (c < row.size() && std::holds_alternative<std::string>(row[c])) out.push_back(std::get<std::string>(row[c]));
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST(IndexAxes, EveryCombinationIsPlannedOnItsViewsWithoutOtherEdits) {
    const auto registered = register_every_combination();
    const Table table = toy_table();

    // `cohesion indices`, /api/indices, the report: one-value indices, no boundaries.
    SuiteRequest request;
    request.include_stochastic = false;  // the simulated real indices only cost time here
    const SuitePlan plan = plan_suite(table, request);
    for (IndexGroups groups : {IndexGroups::two_group, IndexGroups::multigroup})
        for (const auto& need : all_needs) {
            const std::string value = name_of(groups, IndexOutput::one_value, need);
            const std::string area = name_of(groups, IndexOutput::per_area, need);
            const bool runs = need == "none";
            if (groups == IndexGroups::two_group) {
                for (const auto& g : table.group_names()) EXPECT_EQ(has_item(plan, value, g), runs) << value << " " << g;
            } else {
                EXPECT_EQ(has_item(plan, value, "all groups"), runs) << value;
            }
            // Left out with a note naming it when its inputs are missing; per-area ones never here.
            EXPECT_EQ(mentions(plan.notes, value), !runs) << value;
            EXPECT_FALSE(has_item(plan, area, "all groups") || has_item(plan, area, "A")) << area;
        }
    const std::vector<double> values = run_suite(plan, request.params);  // check_input throws on a wrong view
    for (std::size_t k = 0; k < plan.items.size(); ++k)
        if (plan.items[k].index->info.name == name_of(IndexGroups::multigroup, IndexOutput::one_value, "none"))
            EXPECT_EQ(values[k], 3.0);

    // Named: refused with the reason when the inputs are missing or the output is per area.
    request.indices = {name_of(IndexGroups::multigroup, IndexOutput::one_value, "weights")};
    EXPECT_THROW(plan_suite(table, request), Error);
    request.indices = {name_of(IndexGroups::two_group, IndexOutput::per_area, "none")};
    EXPECT_THROW(plan_suite(table, request), Error);

    // `cohesion spatial`: the default set is every one-value index reading the boundaries.
    SuiteRequest spatial;
    spatial.supplied = IndexNeeds{.unit_areas = true, .weights = true, .geometry = true};
    spatial.needing_boundaries_only = true;
    const auto chosen = choose_indices(spatial).indices;
    for (IndexGroups groups : {IndexGroups::two_group, IndexGroups::multigroup})
        for (const auto& need : all_needs) {
            const auto* d = IndexRegistry::instance().find(name_of(groups, IndexOutput::one_value, need));
            EXPECT_EQ(std::count(chosen.begin(), chosen.end(), d), need == "none" ? 0 : 1) << d->info.name;
        }
}

TEST(IndexAxes, LocalTableAndDocsShowEveryCombination) {
    const auto registered = register_every_combination();
    const Table table = toy_table();

    // `cohesion local`, /api/local: per-area indices; a two-group one gets a column per group.
    const ResultTable local = local_table(table, {});
    const auto& columns = local.columns;
    auto has_column = [&](const std::string& c) { return std::find(columns.begin(), columns.end(), c) != columns.end(); };
    EXPECT_TRUE(has_column(name_of(IndexGroups::multigroup, IndexOutput::per_area, "none")));
    for (const auto& g : table.group_names())
        EXPECT_TRUE(has_column(name_of(IndexGroups::two_group, IndexOutput::per_area, "none") + "_" + g)) << g;
    EXPECT_TRUE(has_column("location_quotient_A"));  // the real ones stay
    for (const auto& need : {"areas", "weights", "geometry"})
        EXPECT_TRUE(mentions(local.notes, name_of(IndexGroups::multigroup, IndexOutput::per_area, need))) << need;
    EXPECT_FALSE(has_column(name_of(IndexGroups::multigroup, IndexOutput::one_value, "none")));

    // `cohesion docs indices` / docs/indices.md and `indices --list`: a section per kind.
    const std::string docs = index_reference_markdown(IndexRegistry::instance());
    for (IndexGroups groups : {IndexGroups::two_group, IndexGroups::multigroup})
        for (IndexOutput output : {IndexOutput::one_value, IndexOutput::per_area})
            for (const auto& need : all_needs)
                EXPECT_NE(docs.find("`" + name_of(groups, output, need) + "`"), std::string::npos)
                    << name_of(groups, output, need);
    for (const char* section : {"## two-group indices", "## multigroup indices", "## local indices",
                                "## local two-group indices", "## local spatial indices",
                                "## local spatial two-group indices", "## spatial two-group indices",
                                "## spatial multigroup indices"})
        EXPECT_NE(docs.find(section), std::string::npos) << section;
}

TEST(IndexAxes, SpatialTableRunsEveryBoundaryIndexOnItsView) {
    const auto registered = register_every_combination();
    Table table = load_wide_csv(std::string(COHESION_EXAMPLE_DATA) + "/bedford/oa2011_ethnicity.csv");
    const std::string boundaries = std::string(COHESION_EXAMPLE_DATA) + "/bedford/oa2011.geojson";
    const SpatialData data = join_spatial(std::move(table), load_area_layer(boundaries), WeightsSpec{}, boundaries);

    // One focal group keeps it quick; every real spatial index runs too, as `cohesion spatial`.
    const ResultTable t = spatial_index_table(data, SpatialIndexRequest{{}, {"Pakistani"}, 1000.0});
    const auto indices = column_values(t, "index_name");
    for (IndexGroups groups : {IndexGroups::two_group, IndexGroups::multigroup})
        for (const auto& need : all_needs)
            EXPECT_EQ(contains(indices, name_of(groups, IndexOutput::one_value, need)), need != "none")
                << name_of(groups, IndexOutput::one_value, need);
    EXPECT_TRUE(contains(indices, "global_distortion"));
    EXPECT_TRUE(contains(indices, "spatial_dissimilarity"));
    EXPECT_FALSE(contains(indices, "dissimilarity"));
    // Rows carry their view: the multigroup ones all groups, the two-group ones the focal group.
    for (const auto& row : t.rows) {
        const auto& index = std::get<std::string>(row[0]);
        const auto& focal = std::get<std::string>(row[1]);
        const auto& info = IndexRegistry::instance().get(index).info;
        EXPECT_EQ(focal, info.groups == IndexGroups::multigroup ? "all groups" : "Pakistani") << index;
    }
}
