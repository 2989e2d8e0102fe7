#pragma once
// Text for cairo: it accepts only valid UTF-8, and on anything else stops drawing the rest
// of the surface without a word — so every string from the data (group names, area codes,
// a Latin-1 CSV's labels) passes through here first.
#include <cstddef>
#include <string>

namespace cohesion {

// `s` with every byte that is not part of a valid UTF-8 character replaced by '?'.
std::string valid_utf8(const std::string& s);
// At most `max_bytes` bytes of valid UTF-8, cut at a character boundary ("…" marks a cut).
std::string clip_utf8(const std::string& s, std::size_t max_bytes);

}  // namespace cohesion
