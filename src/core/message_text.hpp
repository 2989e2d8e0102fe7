#pragma once
// Putting user-supplied text and numbers into messages safely and readably.
//
// Why: values in messages come from files, project keys and HTTP parameters. A NUL
// byte cuts a C-string message short (what() is a C string), and other control
// characters (escape sequences, carriage returns, newlines) can garble a terminal
// or forge extra log lines. Numbers come from the same places: 1e308 printed with
// std::to_string is 309 digits.
#include <cstddef>
#include <string>
#include <string_view>

namespace cohesion {

// Control characters (and DEL) written as \0, \n, \r, \t or \xNN; backslashes kept.
// `keep_newlines` leaves '\n' alone (messages may span lines on purpose).
std::string escape_control_characters(std::string_view text, bool keep_newlines = false);

// 'value' with control characters escaped, cut to `max_length` characters with "..."
// so a megabyte-long cell does not become a megabyte-long message.
std::string quoted(std::string_view value, std::size_t max_length = 80);

// The shortest text that reads back as the same double: 0.25, 1e+308, 12345.5.
std::string number_text(double value);

// Levenshtein distance ignoring ASCII case, for suggesting the value a typo meant
// (--where values, --town names).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Text safe inside XML or HTML elements and double-quoted attribute values (& < > "
// escaped, and ' unless `apostrophe` is false, which keeps HTML prose readable): the
// report's HTML and the GeoPackages' QGIS styles.
std::string xml_escape(const std::string& text, bool apostrophe = true);

}  // namespace cohesion
