#include "io/text_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"

using namespace cohesion;

namespace {
std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("cohesion_test_" + std::to_string(::getpid()) + "_" + name)).string();
}
void write(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}
}  // namespace

TEST(TextFile, ReadsPlainAndGzipAlike) {
    const std::string plain = temp_path("plain.csv");
    write(plain, "a,b\n1,2\n");
    EXPECT_EQ(read_text_file(plain), "a,b\n1,2\n");
    const std::string gz = temp_path("packed.csv.gz");
    ASSERT_EQ(std::system(("printf 'a,b\\n1,2\\n' | gzip -c > " + gz).c_str()), 0);
    EXPECT_EQ(read_text_file(gz), "a,b\n1,2\n");
    // Two concatenated gzip members are one stream (as `cat a.gz b.gz` makes).
    const std::string multi = temp_path("multi.csv.gz");
    ASSERT_EQ(std::system(("(printf 'a,b\\n' | gzip -c; printf '1,2\\n' | gzip -c) > " + multi).c_str()), 0);
    EXPECT_EQ(read_text_file(multi), "a,b\n1,2\n");
    std::filesystem::remove(plain);
    std::filesystem::remove(gz);
    std::filesystem::remove(multi);
}

TEST(TextFile, CorruptAndTruncatedGzipAreErrors) {
    const std::string bad = temp_path("bad.csv.gz");
    write(bad, std::string("\x1f\x8b\x08\x00garbagegarbagegarbage", 25));
    EXPECT_THROW(read_text_file(bad), Error);
    const std::string gz = temp_path("trunc.csv.gz");
    ASSERT_EQ(std::system(("seq 1 10000 | gzip -c | head -c 200 > " + gz).c_str()), 0);
    try {
        read_text_file(gz);
        FAIL() << "truncated gzip accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(gz), std::string::npos);
    }
    std::filesystem::remove(bad);
    std::filesystem::remove(gz);
}

TEST(TextFile, SizeLimitIsEnforced) {
    const std::string plain = temp_path("big.csv");
    write(plain, std::string(1000, 'x'));
    ::setenv("COHESION_MAX_INPUT_BYTES", "100", 1);
    EXPECT_THROW(read_text_file(plain), Error);
    ::unsetenv("COHESION_MAX_INPUT_BYTES");
    EXPECT_EQ(read_text_file(plain).size(), 1000u);
    std::filesystem::remove(plain);
}
