#include "server/request_text.hpp"

#include <fmt/format.h>

namespace cohesion {

bool valid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) length = 2;
        else if (c == 0xE0) length = 3, lo = 0xA0;
        else if (c >= 0xE1 && c <= 0xEC) length = 3;
        else if (c == 0xED) length = 3, hi = 0x9F;  // no UTF-16 surrogates
        else if (c >= 0xEE && c <= 0xEF) length = 3;
        else if (c == 0xF0) length = 4, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) length = 4;
        else if (c == 0xF4) length = 4, hi = 0x8F;  // nothing above U+10FFFF
        else return false;
        if (i + length > n) return false;
        if (s[i + 1] < lo || s[i + 1] > hi) return false;
        for (std::size_t k = 2; k < length; ++k)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return false;
        i += length;
    }
    return true;
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t') || c == 0x7F) out += fmt::format("\\x{:02x}", c);
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        // Find the longest valid sequence starting here (at most 4 bytes).
        std::size_t length = 0;
        for (std::size_t k = 2; k <= 4 && i + k <= text.size(); ++k)
            if (valid_utf8(text.substr(i, k))) {
                length = k;
                break;
            }
        if (length == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::string without_server_paths(std::string_view text) {
    auto starts_path = [&](std::size_t i) {
        if (text[i] != '/' || i + 1 >= text.size() || text[i + 1] == '/' || text[i + 1] == ' ') return false;
        if (i == 0) return true;
        const char before = text[i - 1];
        return before == ' ' || before == '"' || before == '\'' || before == '(' || before == '=' || before == '\n';
    };
    auto ends_path = [](char c) {
        return c == ' ' || c == '"' || c == '\'' || c == ',' || c == ')' || c == '\n' || c == '\\';
    };
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (!starts_path(i)) {
            out += text[i++];
            continue;
        }
        std::size_t end = i, last_slash = i;
        while (end < text.size() && !ends_path(text[end])) {
            if (text[end] == '/') last_slash = end;
            ++end;
        }
        if (last_slash > i) out.append(text.substr(last_slash + 1, end - last_slash - 1));  // keep the file name
        else out.append(text.substr(i, end - i));  // "/x": a single segment, e.g. a URL path
        i = end;
    }
    return out;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;  // needs two hex digits after '%'
            const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

bool has_control_character(std::string_view text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
    return false;
}

// Decoded, valid UTF-8, no control characters; `what` names the part for the message.
std::string decoded_part(std::string_view raw, bool plus_is_space, const std::string& what) {
    const auto decoded = percent_decode(raw, plus_is_space);
    if (!decoded) throw RequestTextError{what + " has a malformed %-escape"};
    if (!valid_utf8(*decoded)) throw RequestTextError{what + " is not valid UTF-8"};
    if (has_control_character(*decoded)) throw RequestTextError{what + " contains a control character"};
    return *decoded;
}

}  // namespace

RequestTarget parse_request_target(std::string_view target) {
    RequestTarget out;
    const auto question = target.find('?');
    const std::string_view raw_path = target.substr(0, question);
    if (raw_path.empty() || raw_path.front() != '/') throw RequestTextError{"the request path must start with '/'"};
    out.path = decoded_part(raw_path, false, "the request path");
    if (question == std::string_view::npos) return out;
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view item = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (item.empty()) continue;  // "a=1&&b=2": tolerated, as browsers produce it
        const auto eq = item.find('=');
        std::string name = decoded_part(item.substr(0, eq), true, "a parameter name");
        const std::string what = "parameter '" + name + "'";
        std::string value = eq == std::string_view::npos ? std::string() : decoded_part(item.substr(eq + 1), true, what);
        out.query.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

}  // namespace cohesion
