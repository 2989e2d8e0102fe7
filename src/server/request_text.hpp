#pragma once
// Decoding what a client sent: percent-decoding of the request-target, UTF-8 validation,
// and the query string split into parameters. Everything here is strict because the
// bytes come from anyone: an invalid escape, invalid UTF-8 or a control character is an
// error naming the part of the request, never something passed on to JSON or a message.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cohesion {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool valid_utf8(std::string_view text);

// `text` with every invalid UTF-8 byte replaced by U+FFFD and control characters (other
// than tab) shown as \xNN, so that it can go into a message or JSON safely.
std::string printable(std::string_view text);

// Removes the directories of absolute paths ("loaded /srv/data/x.csv" -> "loaded x.csv")
// from text going to a client: the server's file layout is nobody's business. A path is a
// '/' at the start or after a space, quote, parenthesis or '=', up to the next space,
// quote, comma or parenthesis. Linear in the text, so it can run over large answers.
std::string without_server_paths(std::string_view text);

// Percent-decoding; '+' is a space when `plus_is_space` (query strings). std::nullopt for
// a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

struct RequestTarget {
    std::string path;                                         // decoded
    std::vector<std::pair<std::string, std::string>> query;  // decoded, in order, repeats kept
};

// Splits and decodes a request-target; throws RequestTextError naming the bad part.
RequestTarget parse_request_target(std::string_view target);

struct RequestTextError {
    std::string message;
};

}  // namespace cohesion
