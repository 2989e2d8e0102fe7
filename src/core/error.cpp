#include "core/error.hpp"

#include "core/message_text.hpp"

namespace cohesion {

namespace {

constexpr const char* ref_open = "@{";

bool field_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'; }

// Replaces every "@{id}" by name(id), or the id when name gives nothing.
std::string render_refs(const std::string& text, const FieldNamer& name) {
    std::string out;
    std::size_t at = 0;
    for (;;) {
        const auto open = text.find(ref_open, at);
        if (open == std::string::npos) break;
        std::size_t end = open + 2;
        while (end < text.size() && field_char(text[end])) ++end;
        if (end == open + 2 || end >= text.size() || text[end] != '}') {  // not a reference: keep as written
            out += text.substr(at, end - at);
            at = end;
            continue;
        }
        const std::string id = text.substr(open + 2, end - open - 2);
        std::string term = name ? name(id) : std::string();
        out += text.substr(at, open - at) + (term.empty() ? id : term);
        at = end + 1;
    }
    return out + text.substr(at);
}

// Every message is made printable in one place: a NUL from a data file or a request
// would otherwise end what() early, and other control characters garble terminals.
std::string printable(const std::string& text) { return escape_control_characters(text, true); }

Location printable(Location where) {
    where.file = escape_control_characters(where.file);
    where.column = escape_control_characters(where.column);
    return where;
}

std::string library_text(const Location& where, const std::string& field, const std::string& message) {
    return format_error(where, (field.empty() ? std::string() : field + ": ") + message);
}

}  // namespace

std::string field_ref(const std::string& id) { return ref_open + id + "}"; }

std::string format_error(const Location& where, const std::string& message) {
    std::string out;
    if (!where.file.empty()) {
        out += where.file;
        if (where.line > 0) out += ":" + std::to_string(where.line);
        out += ": ";
    } else if (where.line > 0) {
        out += "line " + std::to_string(where.line) + ": ";
    }
    // The command line's own errors name its options in the same slot as CSV columns.
    if (!where.column.empty())
        out += (where.column.rfind("--", 0) == 0 ? "option '" : "column '") + where.column + "': ";
    out += message;
    return out;
}

Error::Error(const std::string& message) : Error(Location{}, Field{}, message) {}

Error::Error(Location where, const std::string& message) : Error(std::move(where), Field{}, message) {}

Error::Error(Field field, const std::string& message) : Error(Location{}, std::move(field), message) {}

Error::Error(Location where, Field field, const std::string& message)
    : std::runtime_error(library_text(printable(where), printable(field.id), printable(render_refs(message, {})))),
      where_(printable(std::move(where))),
      field_(printable(field.id)),
      raw_(printable(message)),
      message_(render_refs(raw_, {})) {}

std::string Error::message_in(const FieldNamer& name) const { return render_refs(raw_, name); }

Error Error::about(const std::string& field) const { return Error(where_, Field{field}, raw_); }

Error Error::within(const std::string& context) const {
    return Error(Field{field_}, context + ": " + format_error(where_, raw_));
}

}  // namespace cohesion
