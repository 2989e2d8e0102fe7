// cohesion::Error's field: the library names what the caller chose by a stable id, and each
// front end renders it (and any field a message mentions) in its own terms.
#include "core/error.hpp"

#include <gtest/gtest.h>

using namespace cohesion;

TEST(ErrorField, CarriesTheFieldAndRendersReferencesPerFrontEnd) {
    const Error e(Field{"aggregate"}, "no level 'Ward'; aggregate first, e.g. " + field_ref("aggregate") + " LSOA");
    EXPECT_EQ(e.field(), "aggregate");
    // Library terms: the field id, references as ids.
    EXPECT_STREQ(e.what(), "aggregate: no level 'Ward'; aggregate first, e.g. aggregate LSOA");
    EXPECT_EQ(e.message(), "no level 'Ward'; aggregate first, e.g. aggregate LSOA");
    // A front end's terms: references named by its namer; ids it does not know stay ids.
    EXPECT_EQ(e.message_in([](const std::string& id) { return id == "aggregate" ? "--aggregate" : ""; }),
              "no level 'Ward'; aggregate first, e.g. --aggregate LSOA");
    EXPECT_EQ(e.message_in([](const std::string&) { return std::string(); }),
              "no level 'Ward'; aggregate first, e.g. aggregate LSOA");
}

TEST(ErrorField, LocationAndFieldTogetherAndReFielded) {
    const Error e(Location{"t.csv", 3, "LADx"}, Field{"where"}, "unknown level");
    EXPECT_STREQ(e.what(), "t.csv:3: column 'LADx': where: unknown level");
    const Error moved = e.about("table.where");
    EXPECT_EQ(moved.field(), "table.where");
    EXPECT_EQ(moved.where().file, "t.csv");
    EXPECT_EQ(moved.message(), "unknown level");
    // about_field stamps a field on errors that have none, and leaves a named one alone.
    try {
        about_field("aggregate", [] { throw Error(Location{"t.csv", 0, {}}, "unknown level"); });
        FAIL();
    } catch (const Error& x) {
        EXPECT_EQ(x.field(), "aggregate");
    }
    try {
        about_field("aggregate", [] { throw Error(Field{"group"}, "no such group"); });
        FAIL();
    } catch (const Error& x) {
        EXPECT_EQ(x.field(), "group");
    }
}

TEST(ErrorField, TextThatOnlyLooksLikeAReferenceIsKept) {
    // Data may hold "@{" (a group called "@{x y}"): only "@{id}" with an id's characters is a reference.
    const Error e(Field{"group"}, "group '@{x y}' and '@{' and '@{}' are unknown");
    EXPECT_EQ(e.message(), "group '@{x y}' and '@{' and '@{}' are unknown");
}
