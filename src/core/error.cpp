#include "core/error.hpp"

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

Error::Error(const std::string& message) : std::runtime_error(message), message_(message) {}

Error::Error(Location where, const std::string& message)
    : std::runtime_error(format_error(where, message)), where_(std::move(where)), message_(message) {}

}  // namespace cohesion
