#pragma once
// Checking that what was printed on standard output really got there.
//
// Why: stdout is buffered, so a full disk (`> /dev/full`), a closed pipe or a quota
// shows up only when the buffer is flushed or the stream closed. Unchecked, the
// command exits 0 with its results lost; a script then trusts an empty or truncated
// file.
#include <string_view>

namespace cohesion::cli {

// Writes `text` to stdout and flushes it; throws cohesion::Error naming the reason
// (e.g. "No space left on device") if it, or anything printed before, failed.
void write_standard_output(std::string_view text);

// At exit: flush and close stdout. Returns false (after printing
// "cohesion: error: ..." on stderr) if the output was not written.
bool close_standard_output();

}  // namespace cohesion::cli
