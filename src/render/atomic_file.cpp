#include "render/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/error.hpp"

namespace cohesion {

void write_file_atomically(const std::string& path, std::string_view content) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw Error(Location{path, 0, {}}, "output directory '" + dir.string() + "' does not exist");
    const fs::path temp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(std::random_device{}()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(Location{path, 0, {}}, std::string("cannot write output: ") + std::strerror(errno));
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(temp, ec);
            throw Error(Location{path, 0, {}}, "write failed (disk full?)");
        }
    }
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw Error(Location{path, 0, {}}, "cannot move the finished output into place: " + ec.message());
    }
}

}  // namespace cohesion
