#include "io/text_file.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/error.hpp"

namespace cohesion {

std::size_t max_input_bytes() {
    if (const char* env = std::getenv("COHESION_MAX_INPUT_BYTES"); env && *env) {
        char* end = nullptr;
        const unsigned long long v = std::strtoull(env, &end, 10);
        if (end && *end == '\0' && v > 0) return static_cast<std::size_t>(v);
    }
    return std::size_t{8} << 30;  // 8 GiB: far above any census table, below this machine's memory
}

bool is_gzip(const std::string& bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string gunzip(const std::string& compressed, const std::string& name) {
    std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> decompressor(
        libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
    if (!decompressor) throw Error(Location{name, 0, {}}, "out of memory while opening the gzip stream");

    std::string out;
    std::size_t in_pos = 0;
    const std::size_t limit = max_input_bytes();
    while (in_pos < compressed.size()) {
        const std::size_t remaining = compressed.size() - in_pos;
        if (remaining < 18) throw Error(Location{name, 0, {}}, "truncated gzip data (expected a complete gzip member)");
        // The trailer's ISIZE (size mod 2^32) is only a hint for a member, and only
        // exact for the last one; grow on demand.
        std::uint32_t isize = 0;
        std::memcpy(&isize, compressed.data() + compressed.size() - 4, 4);
        // DEFLATE cannot expand more than ~1032:1, so a larger ISIZE is corruption.
        const std::size_t most = remaining * 1032 + 1024;
        std::size_t guess = std::min<std::size_t>(std::max<std::size_t>(isize, remaining * 4), most);
        for (;;) {
            if (guess > limit) throw Error(Location{name, 0, {}}, "decompressed data exceed the input size limit of " +
                                                                      std::to_string(limit) + " bytes");
            const std::size_t base = out.size();
            out.resize(base + guess);
            std::size_t in_used = 0, out_used = 0;
            const auto rc = libdeflate_gzip_decompress_ex(decompressor.get(), compressed.data() + in_pos, remaining,
                                                          out.data() + base, guess, &in_used, &out_used);
            if (rc == LIBDEFLATE_SUCCESS) {
                out.resize(base + out_used);
                in_pos += in_used;
                break;
            }
            out.resize(base);
            if (rc == LIBDEFLATE_INSUFFICIENT_SPACE && guess < most) {
                guess = std::min(guess * 2, most);
                continue;
            }
            throw Error(Location{name, 0, {}}, "corrupt gzip data (expected a valid gzip stream)");
        }
    }
    return out;
}

std::string read_text_file(const std::string& path) {
    // A folder opens as a stream on Linux and reports a huge size; say what it is.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(Location{path, 0, {}}, "is a folder; expected a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Location{path, 0, {}}, std::string("cannot open file: ") + std::strerror(errno));
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0) throw Error(Location{path, 0, {}}, "cannot read file (not a regular file?)");
    if (static_cast<std::size_t>(size) > max_input_bytes())
        throw Error(Location{path, 0, {}}, "file is larger than the input size limit of " +
                                               std::to_string(max_input_bytes()) + " bytes");
    in.seekg(0, std::ios::beg);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (size > 0 && !in.read(bytes.data(), size)) throw Error(Location{path, 0, {}}, "cannot read file");
    if (is_gzip(bytes)) return gunzip(bytes, path);
    return bytes;
}

}  // namespace cohesion
