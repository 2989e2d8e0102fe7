#pragma once
// The temporary files this process is writing right now, so that SIGINT, SIGTERM or
// SIGHUP (Ctrl-C, `kill`, a closed terminal) does not leave hidden half-written
// outputs behind: the handler unlinks every live entry, then re-raises the signal
// with its default disposition so the exit status still says "killed by signal".
//
// Why a fixed table of fixed-size slots: a signal handler may only call
// async-signal-safe functions (unlink, raise, sigaction) and must not take locks or
// allocate, so the handler walks plain char arrays guarded by lock-free atomics.
// A kill -9 cannot be caught; stale files are removed later by
// remove_stale_temp_files (atomic_file.hpp), which is why temp names carry the PID.
#include <cstddef>
#include <string>

namespace cohesion {

// A live registration; the path is forgotten (not removed) when it is destroyed.
class TempFileRegistration {
public:
    TempFileRegistration() = default;
    explicit TempFileRegistration(const std::string& path);
    TempFileRegistration(TempFileRegistration&& other) noexcept;
    TempFileRegistration& operator=(TempFileRegistration&& other) noexcept;
    TempFileRegistration(const TempFileRegistration&) = delete;
    TempFileRegistration& operator=(const TempFileRegistration&) = delete;
    ~TempFileRegistration();

private:
    void release() noexcept;
    int slot_ = -1;  // -1 = nothing registered (table full, path too long, or moved from)
};

// Installs the SIGINT/SIGTERM/SIGHUP handler (once; later calls do nothing). Called
// by the command-line front end; a program embedding the library keeps its own handlers.
void remove_temp_files_on_signals();

// Slots in the table: more outputs than this being written at once are simply not
// cleaned up on a signal (they are still removed as stale by the next write).
inline constexpr std::size_t max_registered_temp_files = 64;

}  // namespace cohesion
