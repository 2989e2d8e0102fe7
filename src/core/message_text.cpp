#include "core/message_text.hpp"

#include <fmt/format.h>

namespace cohesion {

std::string escape_control_characters(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c != 0x7f) {
            out += ch;
            continue;
        }
        switch (ch) {
            case '\n': out += keep_newlines ? "\n" : "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\0': out += "\\0"; break;
            default: out += fmt::format("\\x{:02x}", c);
        }
    }
    return out;
}

std::string quoted(std::string_view value, std::size_t max_length) {
    const bool cut = value.size() > max_length;
    return "'" + escape_control_characters(cut ? value.substr(0, max_length) : value) + (cut ? "...'" : "'");
}

std::string number_text(double value) { return fmt::format("{}", value); }

}  // namespace cohesion
