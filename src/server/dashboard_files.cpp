#include "server/dashboard_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace cohesion {

namespace {

std::string content_type_of(const std::filesystem::path& p) {
    static const std::map<std::string, std::string> types{
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
        {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".map", "application/json"},
        {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"}};
    const auto it = types.find(p.extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

DashboardFiles::DashboardFiles(const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw Error(Location{folder, 0, {}}, Field{"web"}, "not a folder of dashboard files");
    std::size_t total = 0;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        total += it->file_size(ec);
        if (total > (64u << 20)) throw Error(Location{folder, 0, {}}, Field{"web"}, "dashboard folder holds more than 64 MB");
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        HttpResponse r;
        r.content_type = content_type_of(it->path());
        r.body = content.str();
        r.headers.emplace_back("X-Content-Type-Options", "nosniff");
        files_.emplace("/" + fs::relative(it->path(), folder).generic_string(), std::move(r));
    }
    if (ec) throw Error(Location{folder, 0, {}}, Field{"web"}, "cannot read the dashboard folder: " + ec.message());
}

const HttpResponse* DashboardFiles::find(const std::string& path) const {
    const auto it = files_.find(path == "/" ? std::string("/index.html") : path);
    return it == files_.end() ? nullptr : &it->second;
}

}  // namespace cohesion
