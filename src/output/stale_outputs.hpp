#pragma once
// Names for work-in-progress outputs that say which process owns them, and the
// clean-up of those whose owner is gone.
//
// Why the PID is in the name: SIGKILL, a crash or a power cut leaves temporary files
// and staging folders behind, and nothing can catch that moment. The next write of
// the same output can tell an abandoned leftover (owner not running) from one that
// another live process is still writing, and removes only the former.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace cohesion {

// Whether `pid` names a running process (kill(pid, 0); EPERM still means it runs).
bool process_is_running(long pid);

// `prefix` + this process's PID + `tail`, e.g. ".local.csv.tmp-" + "4711" + "-93812".
std::string owned_name(std::string_view prefix, std::string_view tail = "");

// Removes (recursively, for folders) the entries of `folder` named `prefix` + PID,
// optionally followed by '-' or '.' and anything, whose PID is not a running
// process. Returns how many were removed; failures to remove are ignored (the
// leftover stays for next time), never thrown.
std::size_t remove_stale_outputs(const std::filesystem::path& folder, std::string_view prefix);

// Earlier versions named temporaries ".NAME.tmpDIGITS[.ext]" without a PID. Those
// last modified over an hour ago (no output takes that long to write) are removed.
std::size_t remove_legacy_temp_files(const std::filesystem::path& folder, std::string_view prefix);

}  // namespace cohesion
