#pragma once
// cohesion::Error — the one exception type of the library.
//
// Why a location object: every message a user sees about bad input must name the
// file, the line (or feature), the column (or field) and what was expected, so the
// place travels with the exception instead of being pasted into strings ad hoc.
//
// Why a field: the library is called from three front ends — the command line, the
// project file and the HTTP API — and a value the caller chose ("index", "where",
// "weights") has a different name in each (`--index`, `[table] where` on line 7, the
// query parameter `index`). So the library names the *field* (a stable id, see
// docs/api.md) and never a flag; each front end translates the field into
// its own term in one table (src/cli/cli_error_terms.cpp, src/project/project_errors.cpp,
// src/server/api_error_terms.cpp). A message may also point to another field ("choose
// a coarser level with aggregate") through field_ref(), translated the same way.
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>

namespace cohesion {

struct Location {
    std::string file;        // file name, layer or "<request>"; empty if not about a file
    std::size_t line = 0;    // 1-based line or feature number; 0 = unknown
    std::string column;      // column (or project-file key) name; empty = unknown
};

// A value the caller chose, by its stable id: "group", "index", "where", "weights",
// "table.where" (a project section's key) ... Never a front end's spelling ("--where").
struct Field {
    std::string id;
};

// A mention of field `id` inside a message ("choose one with @{crs}"): rendered as the
// id in what(), and as the flag / key / parameter by the front end that shows the error.
std::string field_ref(const std::string& id);

// How a front end names a field id; empty = it has no name of its own for it.
using FieldNamer = std::function<std::string(const std::string& field)>;

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message);
    Error(Location where, const std::string& message);
    Error(Field field, const std::string& message);
    Error(Location where, Field field, const std::string& message);

    const Location& where() const noexcept { return where_; }
    // The message in the library's own terms (field references as their ids).
    const std::string& message() const noexcept { return message_; }
    // The field the error is about; empty when it is about a file or nothing chosen.
    const std::string& field() const noexcept { return field_; }
    // The message with field references named by `name` (ids it leaves empty stay ids).
    std::string message_in(const FieldNamer& name) const;
    // The same error about another field (a caller that knows which of its own fields
    // the value came from, e.g. the project's "analyses.hotspots" for a group name).
    Error about(const std::string& field) const;
    // The same error told within `context` ("[boundaries] path: " + the located message),
    // field and field references kept for the front end.
    Error within(const std::string& context) const;

private:
    Location where_;
    std::string field_;
    std::string raw_;  // with field references
    std::string message_;
};

// Runs `work`; an Error from it that names no field is re-thrown as about `field` — for a
// caller that knows which value it passed ("where" for a filter whose level is unknown).
template <class F>
auto about_field(const std::string& field, F&& work) -> decltype(work()) {
    try {
        return work();
    } catch (const Error& e) {
        if (!e.field().empty()) throw;
        throw e.about(field);
    }
}

// "file:line: column 'X': message" — the single formatting of a located error.
std::string format_error(const Location& where, const std::string& message);

}  // namespace cohesion
