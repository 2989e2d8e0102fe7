#include "output/temp_file_registry.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace cohesion;
namespace fs = std::filesystem;

// Issue 11 item 12: killed runs left hidden temporary files (93 MB after six kills).
// In a child process: register a temporary, take SIGTERM; the handler must remove it
// and the child must still die of SIGTERM (not exit normally).
TEST(TempFileRegistry, SignalRemovesLiveTemporariesAndReRaises) {
    const auto dir = fs::temp_directory_path() / ("cohesion_signal_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto live = dir / ".out.csv.tmp-1-1", released = dir / ".out.csv.tmp-1-2", other = dir / "keep.csv";
    for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
        struct sigaction inherited {};
        ::sigaction(signal_number, nullptr, &inherited);
        if (inherited.sa_handler == SIG_IGN) continue;  // e.g. SIGINT in a background job: kept ignored on purpose
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            remove_temp_files_on_signals();
            for (const auto& p : {live, released, other}) std::ofstream(p) << "half-written";
            TempFileRegistration registered(live.string());
            { TempFileRegistration done(released.string()); }  // forgotten again: not the handler's business
            ::raise(signal_number);
            ::_exit(0);  // not reached: the signal is re-raised with its default action
        }
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        EXPECT_TRUE(WIFSIGNALED(status)) << signal_number;
        if (WIFSIGNALED(status)) {
            EXPECT_EQ(WTERMSIG(status), signal_number);
        }
        EXPECT_FALSE(fs::exists(live)) << signal_number;
        EXPECT_TRUE(fs::exists(released));
        EXPECT_TRUE(fs::exists(other));
    }
}
