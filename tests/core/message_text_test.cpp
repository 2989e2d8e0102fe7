#include "core/message_text.hpp"

#include <gtest/gtest.h>

#include <cstring>

#include "core/error.hpp"

using namespace cohesion;

TEST(MessageText, ControlCharactersAreEscaped) {
    EXPECT_EQ(escape_control_characters(std::string_view("a\0b\x1b[31m\r\n\t\x7f", 12)), "a\\0b\\x1b[31m\\r\\n\\t\\x7f");
    EXPECT_EQ(escape_control_characters("two\nlines", true), "two\nlines");
    EXPECT_EQ(escape_control_characters("caf\xc3\xa9 \\ ok"), "caf\xc3\xa9 \\ ok");  // UTF-8 and backslashes stay
}

TEST(MessageText, QuotedValuesAreCutShort) {
    EXPECT_EQ(quoted("Irish"), "'Irish'");
    EXPECT_EQ(quoted(std::string(200, 'x'), 10), "'xxxxxxxxxx...'");
}

TEST(MessageText, NumbersAreCompact) {
    EXPECT_EQ(number_text(1e308), "1e+308");
    EXPECT_EQ(number_text(0.25), "0.25");
    EXPECT_EQ(number_text(1683), "1683");
}

// Issue 11 item 18: a NUL in a value cut the message short (what() is a C string).
TEST(MessageText, ErrorsWithNulBytesKeepTheirWholeMessage) {
    const std::string value("Bed\0ford", 8);
    const Error e(Location{"t.csv", 3, std::string("L\0AD", 4)}, "unknown area '" + value + "' (expected a code)");
    const std::string what = e.what();
    EXPECT_EQ(std::strlen(e.what()), what.size());
    EXPECT_EQ(what, "t.csv:3: column 'L\\0AD': unknown area 'Bed\\0ford' (expected a code)");
    EXPECT_EQ(e.message(), "unknown area 'Bed\\0ford' (expected a code)");
}
