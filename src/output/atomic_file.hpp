#pragma once
// Writing an output file all-or-nothing: write a temporary file in the same
// directory, then rename it over the target, so a failure (disk full, an error
// half-way, Ctrl-C) never leaves a half-written output that looks complete.
//
// The destination is resolved first, because a rename replaces whatever the name
// points at:
//  - a folder is refused ("is a folder; expected a file path");
//  - a symbolic link is followed: its target is replaced atomically and the link kept;
//  - a character device (/dev/null, a terminal) or a FIFO is written in place — a
//    rename would replace the device node itself (as root, /dev/null!); a FIFO with
//    no reader is refused rather than waited on; other special files are refused;
//  - /dev/stdout, /dev/stderr, /dev/fd/N and /proc/... name open descriptors and are
//    written in place (appending), whatever is behind them.
// Temporary names are ".NAME.tmp-PID-RANDOM" and registered for removal on
// SIGINT/SIGTERM/SIGHUP (temp_file_registry.hpp); those left by a process that no
// longer runs (kill -9, power cut) are removed the next time NAME is written
// (stale_outputs.hpp).
#include <filesystem>
#include <string>
#include <string_view>

#include "output/temp_file_registry.hpp"

namespace cohesion {

struct OutputDestination {
    std::string given;             // as the user wrote it, for messages
    std::filesystem::path target;  // symbolic links followed (in place: the name to open)
    bool in_place = false;         // character device, FIFO or open descriptor: written directly
    bool append = false;           // /dev/stdout, /dev/fd/N: after what the descriptor already holds
};

// Throws a located Error for folders, unsupported special files, a dangling link
// chain that loops, or a missing parent folder.
OutputDestination resolve_output(const std::string& path);

// A temporary file for a destination, written by someone else (e.g. GDAL) and moved
// into place by commit(); removed by the destructor unless committed.
class PendingOutput {
public:
    // `suffix` is appended to the temporary name (GDAL picks drivers by extension).
    explicit PendingOutput(const std::string& path, std::string_view suffix = "");
    explicit PendingOutput(OutputDestination destination, std::string_view suffix = "");
    PendingOutput(const PendingOutput&) = delete;
    PendingOutput& operator=(const PendingOutput&) = delete;
    ~PendingOutput();

    const std::string& temp_path() const { return temp_; }
    const OutputDestination& destination() const { return destination_; }
    // Rename over the target (or, in place, copy the bytes into the device/FIFO).
    void commit();

private:
    OutputDestination destination_;
    std::string temp_;
    TempFileRegistration registration_;
    bool committed_ = false;
};

void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace cohesion
