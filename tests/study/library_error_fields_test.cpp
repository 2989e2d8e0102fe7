// Library errors name fields, never command-line flags (issue 12 §5): the six errors a user
// meets most — unknown group, unknown index, a bad where filter, a missing aggregate level,
// a bad weights rule, an unknown hub model — and a group in a project section, each carry
// their field id and no "--" in their text, so the project file and the API can name them.
#include <gtest/gtest.h>

#include "analysis/esol_targeting.hpp"
#include "analysis/spatial_data.hpp"
#include "core/error.hpp"
#include "indices/index_suite.hpp"
#include "io/table_input.hpp"
#include "study/study.hpp"
#include "targeting/facility_location.hpp"

using namespace cohesion;

namespace {

std::string example_table() { return std::string(COHESION_EXAMPLE_DATA) + "/bedford/oa2011_ethnicity.csv"; }

Error error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected cohesion::Error";
    return Error("none");
}

void expect_field(const Error& e, const std::string& field, const std::string& text) {
    EXPECT_EQ(e.field(), field) << e.what();
    EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
}

}  // namespace

TEST(LibraryErrorFields, RepresentativeErrorsNameTheirFieldNotAFlag) {
    TableInput in;
    in.path = example_table();
    const Table table = load_table(in);

    SuiteRequest unknown_group;
    unknown_group.indices = {"dissimilarity"};
    unknown_group.focal = {"Martian"};
    expect_field(error_of([&] { plan_suite(table, unknown_group); }), "group", "group 'Martian' is not in the table");

    SuiteRequest unknown_index;
    unknown_index.indices = {"dissimilarityy"};
    expect_field(error_of([&] { plan_suite(table, unknown_index); }), "index", "unknown index 'dissimilarityy'");

    TableInput where = in;
    where.where = {"Bedford"};
    expect_field(error_of([&] { load_table(where); }), "where", "expected LEVEL=VALUE");
    where.where = {"Ward=Queens Park"};
    expect_field(error_of([&] { load_table(where); }), "where", "unknown level");

    TableInput aggregate = in;
    aggregate.aggregate_to = "Ward";
    expect_field(error_of([&] { load_table(aggregate); }), "aggregate", "unknown level");

    TableInput merge = in;
    merge.merges = {"Asian=Indian+Martian"};
    expect_field(error_of([&] { load_table(merge); }), "merge", "group 'Martian' is not in the table");

    expect_field(error_of([] { parse_location_model("p-centre"); }), "model", "p-centre");
    expect_field(error_of([] { parse_score_weights({"need=x"}); }), "score_weights", "'x' is not a number");
}

TEST(LibraryErrorFields, AStudyNamesTheProjectSectionAndKey) {
    StudySpec spec;
    spec.table.path = example_table();
    spec.hotspots = {"Martian"};
    expect_field(error_of([&] { Study s(spec); }), "analyses.hotspots", "group 'Martian'");
    spec.hotspots.clear();
    spec.table.where = {"LAD"};
    expect_field(error_of([&] { Study s(spec); }), "table.where", "expected LEVEL=VALUE");
}
