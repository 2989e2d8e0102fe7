#include "cli/standard_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace cohesion::cli {

namespace {

std::string failure_reason(int error) {
    return "cannot write to standard output: " +
           std::string(error != 0 ? std::strerror(error) : "write error");
}

}  // namespace

void write_standard_output(std::string_view text) {
    std::cout.flush();  // whatever was printed before goes first
    // errno is read right after the call that failed; a later flush of a stream already
    // in error fails again without saying why.
    errno = 0;
    const bool written = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
    int error = errno;
    const bool flushed = std::fflush(stdout) == 0;
    if (error == 0) error = errno;
    if (!written || !flushed || std::ferror(stdout) || !std::cout) throw Error(failure_reason(error));
}

bool close_standard_output() {
    errno = 0;
    std::cout.flush();
    const bool stream_failed = !std::cout;
    const bool flush_failed = std::fflush(stdout) != 0 || std::ferror(stdout);
    int error = errno;
    // Closing reports errors a flush cannot see (NFS, quotas). The descriptor rather
    // than the FILE, because iostreams flush stdout again at exit; with an empty
    // buffer that flush then writes nothing.
    const bool close_failed = ::close(STDOUT_FILENO) != 0 && errno != EINTR;
    if (close_failed && error == 0) error = errno;
    if (!(stream_failed || flush_failed || close_failed)) return true;
    std::cerr << "cohesion: error: " << failure_reason(error) << "\n";
    return false;
}

}  // namespace cohesion::cli
