#include "output/stale_outputs.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>

namespace cohesion {

bool process_is_running(long pid) {
    if (pid <= 0) return false;
    if (::kill(static_cast<pid_t>(pid), 0) == 0) return true;
    return errno == EPERM;
}

std::string owned_name(std::string_view prefix, std::string_view tail) {
    std::string name(prefix);
    name += std::to_string(::getpid());
    name += tail;
    return name;
}

std::size_t remove_stale_outputs(const std::filesystem::path& folder, std::string_view prefix) {
    namespace fs = std::filesystem;
    std::size_t removed = 0;
    std::error_code ec;
    fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const char* first = name.data() + prefix.size();
        const char* last = name.data() + name.size();
        long pid = 0;
        const auto [stop, error] = std::from_chars(first, last, pid);
        if (error != std::errc() || stop == first) continue;
        if (stop != last && *stop != '-' && *stop != '.') continue;  // another name that merely starts alike
        if (pid == static_cast<long>(::getpid()) || process_is_running(pid)) continue;
        std::error_code remove_error;
        if (fs::remove_all(it->path(), remove_error) > 0 && !remove_error) ++removed;
    }
    return removed;
}

std::size_t remove_legacy_temp_files(const std::filesystem::path& folder, std::string_view prefix) {
    namespace fs = std::filesystem;
    std::size_t removed = 0;
    std::error_code ec;
    const auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
    fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::size_t digits_end = name.find_first_not_of("0123456789", prefix.size());
        if (digits_end == prefix.size()) continue;  // no digits: not the old pattern (the new one has '-')
        if (digits_end != std::string::npos && name[digits_end] != '.' && name[digits_end] != '-') continue;
        if (digits_end != std::string::npos && name[digits_end] == '-' && name.compare(digits_end, 8, "-journal") != 0)
            continue;
        std::error_code time_error, remove_error;
        const auto modified = fs::last_write_time(it->path(), time_error);
        if (time_error || modified > hour_ago) continue;
        if (fs::remove(it->path(), remove_error) && !remove_error) ++removed;
    }
    return removed;
}

}  // namespace cohesion
