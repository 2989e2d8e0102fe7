#pragma once
// The dashboard's files (HTML, JS, CSS, images), read into memory once at start-up.
// Requests are answered from this map by exact path, so no request ever reaches the
// file system: no traversal, symlink or device-file tricks to defend against.
#include <map>
#include <string>

#include "server/http_message.hpp"

namespace cohesion {

class DashboardFiles {
public:
    DashboardFiles() = default;
    // Every regular file under `folder` (at most 64 MB in all); throws Error otherwise.
    explicit DashboardFiles(const std::string& folder);
    // "/" is index.html. nullptr when there is no such file.
    const HttpResponse* find(const std::string& path) const;
    bool empty() const { return files_.empty(); }

private:
    std::map<std::string, HttpResponse> files_;
};

}  // namespace cohesion
