#include "core/error.hpp"

#include "core/message_text.hpp"

namespace cohesion {

std::string format_error(const Location& where, const std::string& message) {
    std::string out;
    if (!where.file.empty()) {
        out += where.file;
        if (where.line > 0) out += ":" + std::to_string(where.line);
        out += ": ";
    } else if (where.line > 0) {
        out += "line " + std::to_string(where.line) + ": ";
    }
    // Command-line options travel in the same slot as CSV columns; name them as options.
    if (!where.column.empty())
        out += (where.column.rfind("--", 0) == 0 ? "option '" : "column '") + where.column + "': ";
    out += message;
    return out;
}

namespace {
// Every message is made printable in one place: a NUL from a data file or a request
// would otherwise end what() early, and other control characters garble terminals.
std::string printable(const std::string& text) { return escape_control_characters(text, true); }

Location printable(Location where) {
    where.file = escape_control_characters(where.file);
    where.column = escape_control_characters(where.column);
    return where;
}
}  // namespace

Error::Error(const std::string& message) : std::runtime_error(printable(message)), message_(printable(message)) {}

Error::Error(Location where, const std::string& message)
    : std::runtime_error(format_error(printable(where), printable(message))),
      where_(printable(std::move(where))),
      message_(printable(message)) {}

}  // namespace cohesion
