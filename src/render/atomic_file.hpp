#pragma once
// Writing an output file all-or-nothing: write a temporary file in the same
// directory, flush, then rename over the target, so a failure (disk full, an
// error half-way) never leaves a half-written output that looks complete.
#include <string>
#include <string_view>

namespace cohesion {

void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace cohesion
