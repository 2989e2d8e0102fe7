#include "output/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/stale_outputs.hpp"
#include "support/error_of.hpp"

using namespace cohesion;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const auto dir = fs::temp_directory_path() / ("cohesion_atomic_" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A private null device when we may make one (root), so a regression cannot replace
// the machine's /dev/null; otherwise /dev/null itself, which a non-root process cannot replace.
fs::path null_device(const fs::path& dir) {
    const auto node = dir / "null";
    if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) return node;
    return "/dev/null";
}

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST(AtomicFile, WritesWholeFileAndLeavesNoTemporary) {
    const auto dir = fresh_dir("plain");
    write_file_atomically((dir / "a.csv").string(), "x,y\n1,2\n");
    EXPECT_EQ(slurp(dir / "a.csv"), "x,y\n1,2\n");
    EXPECT_EQ(entries(dir), 1u);
}

// Issue 11 item 9: a symlink was replaced by a regular file; its target must be replaced instead.
TEST(AtomicFile, FollowsSymlinksAndKeepsTheLink) {
    const auto dir = fresh_dir("link");
    std::ofstream(dir / "real.csv") << "old";
    fs::create_symlink("real.csv", dir / "link.csv");
    write_file_atomically((dir / "link.csv").string(), "new");
    EXPECT_TRUE(fs::is_symlink(dir / "link.csv"));
    EXPECT_EQ(slurp(dir / "real.csv"), "new");
    // A dangling link: its target is created.
    fs::create_symlink("later.csv", dir / "dangling.csv");
    write_file_atomically((dir / "dangling.csv").string(), "made");
    EXPECT_TRUE(fs::is_symlink(dir / "dangling.csv"));
    EXPECT_EQ(slurp(dir / "later.csv"), "made");
    // A loop is refused, not followed forever.
    fs::create_symlink("loop_b", dir / "loop_a");
    fs::create_symlink("loop_a", dir / "loop_b");
    EXPECT_NE(error_of([&] { write_file_atomically((dir / "loop_a").string(), "x"); }).find("too many levels"),
              std::string::npos);
}

// Issue 11 item 9: -o /dev/null replaced the device node with a regular file (as root).
TEST(AtomicFile, CharacterDevicesAreWrittenInPlace) {
    const auto device = null_device(fresh_dir("device"));
    struct stat before {};
    ASSERT_EQ(::stat(device.c_str(), &before), 0);
    write_file_atomically(device.string(), "discarded");
    struct stat after {};
    ASSERT_EQ(::stat(device.c_str(), &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode));
    EXPECT_EQ(before.st_ino, after.st_ino);
    // A full device: the write error is reported, not swallowed.
    EXPECT_NE(error_of([] { write_file_atomically("/dev/full", std::string(1 << 16, 'x')); }).find("write failed"),
              std::string::npos);
}

TEST(AtomicFile, FifoWithoutReaderIsRefusedNotWaitedOn) {
    const auto dir = fresh_dir("fifo");
    const auto fifo = dir / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto message = error_of([&] { write_file_atomically(fifo.string(), "x"); });
    EXPECT_NE(message.find("is a FIFO with no reader"), std::string::npos) << message;
    struct stat st {};
    ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));  // still a FIFO, not replaced
}

// Issue 11 item 18: "-o DIR" said "cannot move the finished output into place: Success".
TEST(AtomicFile, FolderIsNamedAsSuch) {
    const auto dir = fresh_dir("folder");
    for (const auto& path : {dir.string(), dir.string() + "/"}) {
        const auto message = error_of([&] { write_file_atomically(path, "x"); });
        EXPECT_NE(message.find("is a folder; expected a file path"), std::string::npos) << message;
    }
    EXPECT_EQ(entries(dir), 0u);
    EXPECT_NE(error_of([&] { write_file_atomically((dir / "no" / "such.csv").string(), "x"); }).find("does not exist"),
              std::string::npos);
}

TEST(AtomicFile, ReplacedFileKeepsItsPermissions) {
    const auto dir = fresh_dir("mode");
    const auto path = dir / "shared.csv";
    std::ofstream(path) << "old";
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::group_write);
    write_file_atomically(path.string(), "new");
    EXPECT_EQ(fs::status(path).permissions() & fs::perms::group_write, fs::perms::group_write);
}

// Issue 11 item 12: temporary files of killed runs piled up; they carry the PID and
// are removed the next time the same output is written once that process is gone.
TEST(StaleOutputs, TemporariesOfDeadProcessesAreRemovedOnTheNextWrite) {
    const auto dir = fresh_dir("stale");
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ASSERT_GT(child, 0);
    int status = 0;
    ::waitpid(child, &status, 0);  // `child` is now a PID that no process has
    const std::string dead = std::to_string(child);
    std::ofstream(dir / (".out.csv.tmp-" + dead + "-123")) << "half";
    std::ofstream(dir / (".out.csv.tmp-" + dead + "-9.gpkg-journal")) << "half";
    std::ofstream(dir / (".out.csv.tmp-1-5")) << "pid 1 runs";            // init: alive, kept
    std::ofstream(dir / (".other.csv.tmp-" + dead + "-1")) << "not ours";  // another output, kept
    std::ofstream(dir / (".out.csv.tmp-" + dead + "x")) << "another name";  // not the pattern, kept
    // Earlier versions' names had no PID: removed once over an hour old.
    std::ofstream(dir / ".out.csv.tmp2718281828") << "legacy";
    std::ofstream(dir / ".out.csv.tmp31415.gpkg") << "legacy, recent";
    fs::last_write_time(dir / ".out.csv.tmp2718281828", fs::file_time_type::clock::now() - std::chrono::hours(2));
    write_file_atomically((dir / "out.csv").string(), "done");
    EXPECT_FALSE(fs::exists(dir / ".out.csv.tmp2718281828"));
    EXPECT_TRUE(fs::exists(dir / ".out.csv.tmp31415.gpkg"));
    EXPECT_FALSE(fs::exists(dir / (".out.csv.tmp-" + dead + "-123")));
    EXPECT_FALSE(fs::exists(dir / (".out.csv.tmp-" + dead + "-9.gpkg-journal")));
    EXPECT_TRUE(fs::exists(dir / ".out.csv.tmp-1-5"));
    EXPECT_TRUE(fs::exists(dir / (".other.csv.tmp-" + dead + "-1")));
    EXPECT_TRUE(fs::exists(dir / (".out.csv.tmp-" + dead + "x")));
    EXPECT_EQ(slurp(dir / "out.csv"), "done");
    EXPECT_TRUE(process_is_running(::getpid()));
    EXPECT_FALSE(process_is_running(child));
}
