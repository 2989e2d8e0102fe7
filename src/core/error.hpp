#pragma once
// cohesion::Error — the one exception type of the library.
//
// Why a location object: every message a user sees about bad input must name the
// file, the line (or feature), the column (or field) and what was expected, so the
// place travels with the exception instead of being pasted into strings ad hoc.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace cohesion {

struct Location {
    std::string file;        // file name, layer or "<request>"; empty if not about a file
    std::size_t line = 0;    // 1-based line or feature number; 0 = unknown
    std::string column;      // column or field name; empty = unknown
};

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message);
    Error(Location where, const std::string& message);

    const Location& where() const noexcept { return where_; }
    const std::string& message() const noexcept { return message_; }

private:
    Location where_;
    std::string message_;
};

// "file:line: column 'X': message" — the single formatting of a located error.
std::string format_error(const Location& where, const std::string& message);

}  // namespace cohesion
