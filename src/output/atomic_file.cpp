#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "core/error.hpp"
#include "output/stale_outputs.hpp"

namespace cohesion {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) { throw Error(Location{path, 0, {}}, message); }

std::string errno_text(int error) { return std::strerror(error); }

// Follows a chain of symbolic links to the name that is finally written; a
// dangling link is followed too (writing creates its target, as a shell would).
fs::path follow_links(const std::string& given) {
    fs::path p(given);
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(p, ec))) return p;
        const fs::path next = fs::read_symlink(p, ec);
        if (ec) fail(given, "cannot read the symbolic link: " + ec.message());
        p = next.is_absolute() ? next : p.parent_path() / next;
    }
    fail(given, "too many levels of symbolic links (a loop?); expected a file path");
}

// Names of an already open descriptor (/dev/stdout, /dev/fd/3, /proc/self/fd/1): their
// link targets ("pipe:[123]", a file the shell opened) must not be renamed over.
bool names_a_descriptor(const std::string& path) {
    const std::string p = fs::path(path).lexically_normal().string();
    return p == "/dev/stdout" || p == "/dev/stderr" || p.rfind("/dev/fd/", 0) == 0 || p.rfind("/proc/", 0) == 0;
}

const char* special_kind(mode_t mode) {
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "a special file";
}

void write_all(int fd, std::string_view content, const std::string& path) {
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            fail(path, "write failed: " + errno_text(error));
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
}

// Devices and FIFOs: opened without O_CREAT/O_TRUNC. O_NONBLOCK only for the open, so a
// FIFO nobody reads is refused (ENXIO) instead of hanging the command.
void write_in_place(const OutputDestination& d, std::string_view content) {
    const int fd = ::open(d.target.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC | (d.append ? O_APPEND : 0));
    if (fd < 0) {
        const int error = errno;
        if (error == ENXIO) fail(d.given, "is a FIFO with no reader; start the reader first or write to a file");
        fail(d.given, "cannot open for writing: " + errno_text(error));
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    try {
        write_all(fd, content, d.given);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0 && errno != EINTR) fail(d.given, "write failed: " + errno_text(errno));
}

std::string random_tail(std::string_view suffix) {
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    return "-" + std::to_string(generator() % 1000000000ULL) + std::string(suffix);
}

}  // namespace

OutputDestination resolve_output(const std::string& path) {
    if (path.empty()) fail(path, "empty output path; expected a file path");
    OutputDestination d;
    d.given = path;
    if (path.back() == '/') fail(path, "is a folder; expected a file path");
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        // A new name, or a symbolic link to one: created where the link chain ends.
        d.target = follow_links(path);
        const fs::path dir = d.target.has_parent_path() ? d.target.parent_path() : fs::path(".");
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) fail(path, "output folder '" + dir.string() + "' does not exist");
        return d;
    }
    if (S_ISDIR(st.st_mode)) fail(path, "is a folder; expected a file path");
    d.target = path;  // opened by name: the kernel follows the links
    if (names_a_descriptor(path)) {
        // /dev/stdout and friends: whatever is behind the descriptor (a terminal, a pipe,
        // the file the shell redirected to) is written in place, after what it already holds.
        d.in_place = d.append = true;
        return d;
    }
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
        d.in_place = true;
        return d;
    }
    if (!S_ISREG(st.st_mode))
        fail(path, std::string("is ") + special_kind(st.st_mode) +
                       "; expected a regular file, a character device such as /dev/null or a FIFO");
    // An existing file, perhaps through links: replaced in its own folder, links kept.
    std::error_code ec;
    d.target = fs::canonical(path, ec);
    if (ec) d.target = follow_links(path);
    return d;
}

PendingOutput::PendingOutput(const std::string& path, std::string_view suffix)
    : PendingOutput(resolve_output(path), suffix) {}

PendingOutput::PendingOutput(OutputDestination destination, std::string_view suffix)
    : destination_(std::move(destination)) {
    const fs::path& target = destination_.target;
    // In place, the bytes are copied into the device at commit; the temporary file
    // cannot live beside a device node (/dev), so it goes to the system temp folder.
    const fs::path dir = destination_.in_place ? fs::temp_directory_path()
                         : target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string prefix = "." + target.filename().string() + ".tmp-";
    if (!destination_.in_place) {
        remove_stale_outputs(dir, prefix);
        remove_legacy_temp_files(dir, "." + target.filename().string() + ".tmp");
    }
    temp_ = (dir / owned_name(prefix, random_tail(suffix))).string();
    registration_ = TempFileRegistration(temp_);
}

PendingOutput::~PendingOutput() {
    if (!committed_) ::unlink(temp_.c_str());
}

void PendingOutput::commit() {
    const std::string& path = destination_.given;
    if (destination_.in_place) {
        std::string bytes;
        {
            const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) fail(path, "cannot read back the finished output: " + errno_text(errno));
            char buffer[1 << 16];
            for (;;) {
                const ssize_t n = ::read(fd, buffer, sizeof buffer);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                bytes.append(buffer, static_cast<std::size_t>(n));
            }
            ::close(fd);
        }
        write_in_place(destination_, bytes);
        ::unlink(temp_.c_str());
        committed_ = true;
        return;
    }
    // Keep the permissions of a file being replaced (a shared, group-writable output stays so).
    struct stat st {};
    if (::stat(destination_.target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::chmod(temp_.c_str(), st.st_mode & 07777);
    if (::rename(temp_.c_str(), destination_.target.c_str()) != 0)
        fail(path, "cannot move the finished output into place: " + errno_text(errno));
    committed_ = true;
}

void write_file_atomically(const std::string& path, std::string_view content) {
    OutputDestination destination = resolve_output(path);
    if (destination.in_place) return write_in_place(destination, content);
    PendingOutput pending(std::move(destination));
    const int fd = ::open(pending.temp_path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) fail(path, "cannot write output: " + errno_text(errno));
    try {
        write_all(fd, content, path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) fail(path, "write failed: " + errno_text(errno));
    pending.commit();
}

}  // namespace cohesion
