// Files, outputs and input (issue 11, items 9-18): what the command line does with
// output names that are not plain new files, with write errors, interrupted and failed
// runs, and with input that would otherwise be misread silently.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

namespace {

fs::path fresh(const std::string& name) {
    const auto dir = scratch_dir() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Runs a shell line with the binary substituted for `cohesion`; returns the exit status
// and stderr, for redirections run_cli cannot express (stdout onto /dev/full).
CliRun run_shell(const std::string& line_after_binary) {
    const auto err = scratch_dir() / "shell_err.txt";
    const std::string command = std::string(COHESION_CLI) + " " + line_after_binary + " 2>" + err.string();
    const int status = std::system(command.c_str());
    CliRun run{WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), "", slurp(err)};
    fs::remove(err);
    return run;
}

// A private null device where we may make one (root), so a regression cannot replace the
// machine's /dev/null; else /dev/null, which a non-root process cannot replace anyway.
fs::path null_device(const fs::path& dir) {
    const auto node = dir / "null";
    if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) return node;
    return "/dev/null";
}

bool has_temporaries(const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
    return false;
}

pid_t dead_pid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

}  // namespace

// Item 9: -o onto a device, a FIFO or a symlink replaced it with a regular file.
TEST(CliFiles, OutputOntoDevicesAndSymlinks) {
    const auto dir = fresh("special");
    const auto device = null_device(dir);
    struct stat before {};
    ASSERT_EQ(::stat(device.c_str(), &before), 0);
    const auto to_device = run_cli("local " + example_table() + " -o " + device.string());
    EXPECT_EQ(to_device.exit_code, 0) << to_device.err;
    struct stat after {};
    ASSERT_EQ(::stat(device.c_str(), &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode));
    EXPECT_EQ(before.st_ino, after.st_ino);

    const auto fifo = dir / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto no_reader = run_cli("local " + example_table() + " -o " + fifo.string());
    EXPECT_EQ(no_reader.exit_code, 1);
    EXPECT_NE(no_reader.err.find("is a FIFO with no reader"), std::string::npos) << no_reader.err;
    // With a reader the rows arrive through the FIFO (in --format, here CSV). The test reads
    // in a thread, and holds a writer end itself so the reader sees end-of-file only after
    // cohesion is done.
    {
        const int reader_fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
        ASSERT_GE(reader_fd, 0);
        const int keep_open = ::open(fifo.c_str(), O_WRONLY);
        ASSERT_GE(keep_open, 0);
        ::fcntl(reader_fd, F_SETFL, 0);
        std::string received;
        std::thread reader([&] {
            char buffer[1 << 16];
            for (ssize_t n; (n = ::read(reader_fd, buffer, sizeof buffer)) > 0;) received.append(buffer, n);
        });
        const auto through = run_cli("local " + example_table() + " --format csv -o " + fifo.string());
        ::close(keep_open);
        reader.join();
        ::close(reader_fd);
        EXPECT_EQ(through.exit_code, 0) << through.err;
        EXPECT_EQ(received.rfind("area,population,", 0), 0u) << received.substr(0, 80);
        EXPECT_EQ(std::count(received.begin(), received.end(), '\n'), 502);
    }
    struct stat fst {};
    ASSERT_EQ(::stat(fifo.c_str(), &fst), 0);
    EXPECT_TRUE(S_ISFIFO(fst.st_mode));

    // /dev/stdout names the descriptor: here the file run_cli redirects to, written in place.
    const auto to_stdout = run_cli("local " + example_table() + " --format csv -o /dev/stdout");
    EXPECT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
    EXPECT_EQ(to_stdout.out.rfind("area,population,", 0), 0u) << to_stdout.out.substr(0, 80);

    std::ofstream(dir / "real.csv") << "old";
    fs::create_symlink("real.csv", dir / "link.csv");
    const auto via_link = run_cli("local " + example_table() + " -o " + (dir / "link.csv").string());
    ASSERT_EQ(via_link.exit_code, 0) << via_link.err;
    EXPECT_TRUE(fs::is_symlink(dir / "link.csv"));
    EXPECT_EQ(slurp(dir / "real.csv").rfind("area,population,", 0), 0u);
    EXPECT_FALSE(has_temporaries(dir));
}

// Item 18: "-o DIR" said "... into place: Success"; a folder as the table said it was too large.
TEST(CliFiles, FoldersAreNamedAsFolders) {
    const auto dir = fresh("folders");
    const auto out = run_cli("local " + example_table() + " -o " + dir.string());
    EXPECT_EQ(out.exit_code, 1);
    EXPECT_NE(out.err.find(dir.string() + ": is a folder; expected a file path"), std::string::npos) << out.err;
    const auto in = run_cli("info " + dir.string());
    EXPECT_EQ(in.exit_code, 1);
    EXPECT_NE(in.err.find(dir.string() + ": is a folder; expected a file"), std::string::npos) << in.err;
    EXPECT_EQ(in.err.find("size limit"), std::string::npos) << in.err;
}

// Item 9: an output that is one of the inputs (however spelled), or the same output twice.
TEST(CliFiles, OutputsThatAreInputsOrRepeatedAreRefused) {
    const auto dir = fresh("clash");
    const auto table = dir / "table.csv";
    fs::copy_file(example_table(), table);
    const std::string original = slurp(table);
    fs::create_directories(dir / "sub");
    fs::create_symlink("table.csv", dir / "alias.csv");
    for (const auto& spelling : {table.string(), (dir / "sub" / ".." / "table.csv").string(), (dir / "alias.csv").string()}) {
        const auto run = run_cli("local " + table.string() + " -o " + spelling);
        EXPECT_EQ(run.exit_code, 1) << spelling;
        EXPECT_NE(run.err.find("is also an input of this command (FILE)"), std::string::npos) << run.err;
    }
    EXPECT_EQ(slurp(table), original);
    const auto boundaries = dir / "b.geojson";
    fs::copy_file(std::string(COHESION_EXAMPLE_DATA) + "/bedford/oa2011.geojson", boundaries);
    const auto report = run_cli("report " + table.string() + " --boundaries " + boundaries.string() + " --html " +
                                boundaries.string());
    EXPECT_EQ(report.exit_code, 1);
    EXPECT_NE(report.err.find("option '--html': is also an input of this command (--boundaries)"), std::string::npos)
        << report.err;
    const auto twice = run_cli("local " + table.string() + " -o " + (dir / "a.csv").string() + " -o " +
                               (dir / "sub" / ".." / "a.csv").string());
    EXPECT_EQ(twice.exit_code, 1);
    EXPECT_NE(twice.err.find("is the same file as the output"), std::string::npos) << twice.err;
    EXPECT_FALSE(fs::exists(dir / "a.csv"));
}

// Item 10: results lost on a full disk exited 0.
TEST(CliFiles, StandardOutputWriteErrorsFail) {
    const auto full = run_shell("local " + example_table() + " > /dev/full");
    EXPECT_EQ(full.exit_code, 1);
    EXPECT_NE(full.err.find("cannot write to standard output: No space left on device"), std::string::npos) << full.err;
    const auto help = run_shell("local --help > /dev/full");
    EXPECT_NE(help.exit_code, 0);
    const auto dry = run_shell("run --dry-run " + std::string(COHESION_EXAMPLE_DATA) + "/bedford/bedford.toml -o " +
                               (fresh("dry_full") / "out").string() + " > /dev/full");
    EXPECT_EQ(dry.exit_code, 1) << dry.err;
}

// Item 13: -o x.xlsx wrote a text table and exited 0.
TEST(CliFiles, UnknownOutputExtensionsAreRefused) {
    const auto dir = fresh("extensions");
    const auto xlsx = run_cli("local " + example_table() + " -o " + (dir / "x.xlsx").string());
    EXPECT_EQ(xlsx.exit_code, 1);
    EXPECT_NE(xlsx.err.find("unknown file extension '.xlsx'; expected .csv, .json or .txt"), std::string::npos) << xlsx.err;
    EXPECT_FALSE(fs::exists(dir / "x.xlsx"));
    const auto bare = run_cli("local " + example_table() + " -o " + (dir / "results").string());
    EXPECT_EQ(bare.exit_code, 1);
    EXPECT_NE(bare.err.find("has no file extension"), std::string::npos) << bare.err;
    ASSERT_EQ(run_cli("local " + example_table() + " -o " + (dir / "t.txt").string()).exit_code, 0);
    EXPECT_NE(slurp(dir / "t.txt").find("population"), std::string::npos);
    ASSERT_EQ(run_cli("local " + example_table() + " --format csv -o " + (dir / "x.dat").string()).exit_code, 0);
    EXPECT_EQ(slurp(dir / "x.dat").rfind("area,population,", 0), 0u);
    const auto save = run_cli("weights -b " + std::string(COHESION_EXAMPLE_DATA) + "/bedford/oa2011.geojson --save " +
                              (dir / "w.xlsx").string());
    EXPECT_EQ(save.exit_code, 1);
    EXPECT_NE(save.err.find("expected a .gal or .gwt name"), std::string::npos) << save.err;
}

// Item 14: people dropped with --allow-unmatched were reported only inside the CSV's
// absent notes; notes of results written to files now also go to stderr unless --quiet.
TEST(CliFiles, NotesOfFileOutputsGoToStderr) {
    const auto dir = fresh("notes");
    const std::string bundle = std::string(COHESION_EXAMPLE_DATA) + "/bedford/";
    std::ifstream full(bundle + "lookup_lsoa11_lsoa21.csv");
    std::ofstream part(dir / "lookup_part.csv");
    std::string line;
    for (int k = 0; std::getline(full, line) && k < 60; ++k) part << line << "\n";
    part.close();
    const std::string common = "harmonise " + example_table() + " --aggregate LSOA --lookup " +
                               (dir / "lookup_part.csv").string() +
                               " --from-column lsoa11_code --to-column lsoa21_code --allow-unmatched -o " +
                               (dir / "h.csv").string();
    const auto run = run_cli(common);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("note: warning: "), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("are not in the lookup and were dropped"), std::string::npos) << run.err;
    const auto quiet = run_cli(common + " --quiet");
    ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(quiet.err.find("note:"), std::string::npos) << quiet.err;
    // On stdout the notes are in the output itself; stderr stays free of them.
    const auto to_stdout = run_cli("local " + example_table() + " --format json");
    EXPECT_EQ(to_stdout.err.find("note:"), std::string::npos) << to_stdout.err;
}

// Item 12: Ctrl-C / kill left hidden temporary files; stale ones (owner gone) are removed.
TEST(CliFiles, StaleTemporariesAreRemovedOnTheNextWrite) {
    const auto dir = fresh("stale");
    const std::string dead = std::to_string(dead_pid());
    std::ofstream(dir / (".local.csv.tmp-" + dead + "-77")) << std::string(1000, 'x');
    ASSERT_EQ(run_cli("local " + example_table() + " -o " + (dir / "local.csv").string()).exit_code, 0);
    EXPECT_FALSE(has_temporaries(dir));
}

namespace {

// A quick project (no bootstrap-heavy steps) writing into `output`; `extra` adds TOML.
fs::path small_project(const fs::path& dir, const std::string& name, const fs::path& output, const std::string& extra) {
    const auto path = dir / name;
    std::ofstream(path) << "[project]\noutput = \"" << output.string() << "\"\n[table]\npath = \"" << example_table()
                        << "\"\n" << extra << "[analyses]\nindices = false\npdf = false\nbootstrap = 10\n"
                        << "permutations = 19\nreport = " << (extra.find("[reference]") != std::string::npos ? "true" : "false")
                        << "\n";
    return path;
}

std::vector<fs::path> named_like(const fs::path& dir, const std::string& part) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(part) != std::string::npos) out.push_back(e.path());
    return out;
}

}  // namespace

// Item 11: a failed run into an existing output folder left new files beside the old
// report. Now it is built in OUT.staging-PID and swapped in whole only on success.
TEST(CliFiles, FailedRunLeavesThePreviousOutputsUntouched) {
    const auto dir = fresh("staged_run");
    const auto out = dir / "out";
    const auto good = small_project(dir, "good.toml", out, "");
    const auto first = run_cli("run " + good.string());
    ASSERT_EQ(first.exit_code, 0) << first.err;
    ASSERT_TRUE(fs::exists(out / "run.json"));
    ASSERT_TRUE(fs::exists(out / "local.csv"));
    EXPECT_NE(first.err.find("note: loaded "), std::string::npos) << first.err;  // each step's notes (item 14)
    std::ofstream(out / "marker.txt") << "from the first run";
    const std::string local_before = slurp(out / "local.csv");

    // The report step (last) fails at run time: the reference table has other groups.
    const auto bad = small_project(dir, "bad.toml", out,
                                   "[reference]\npath = \"" + std::string(COHESION_EXAMPLE_DATA) +
                                       "/bedford/lsoa2021_ethnic5.csv\"\n");
    const auto failed = run_cli("run " + bad.string());
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_NE(failed.err.find("step 'report' failed"), std::string::npos) << failed.err;
    EXPECT_NE(failed.err.find("the previous outputs in " + out.string() + " are untouched"), std::string::npos)
        << failed.err;
    EXPECT_NE(failed.err.find("this run's partial outputs are in " + out.string() + ".staging-"), std::string::npos)
        << failed.err;
    EXPECT_TRUE(fs::exists(out / "marker.txt"));
    EXPECT_EQ(slurp(out / "local.csv"), local_before);
    const auto staging = named_like(dir, "out.staging-");
    ASSERT_EQ(staging.size(), 1u);
    // The partial outputs stay there for inspection: the steps that ended before the failure
    // (which ones depends on timing: the steps and the report's profile run side by side).
    EXPECT_FALSE(fs::exists(staging[0] / "run.json"));

    // The next successful run replaces the folder whole and removes the dead run's staging folder.
    const auto again = run_cli("run --quiet " + good.string());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.err.find("note:"), std::string::npos) << again.err;
    EXPECT_FALSE(fs::exists(out / "marker.txt"));
    EXPECT_TRUE(fs::exists(out / "run.json"));
    EXPECT_TRUE(named_like(dir, "out.staging-").empty());
    EXPECT_TRUE(named_like(dir, "out.previous-").empty());
    EXPECT_EQ(nlohmann::json::parse(slurp(out / "run.json"))["rows"][0]["command"].get<std::string>().find("staging"),
              std::string::npos);  // the log shows the commands for the real folder

    // A folder that is not an earlier run's output, or that holds the inputs, is never replaced.
    const auto mine = dir / "my_documents";
    fs::create_directories(mine);
    std::ofstream(mine / "thesis.tex") << "precious";
    const auto refused = run_cli("run " + good.string() + " --output " + mine.string());
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("is not empty and holds no run.json"), std::string::npos) << refused.err;
    EXPECT_EQ(slurp(mine / "thesis.tex"), "precious");
    const auto data = run_cli("run " + good.string() + " --output " + std::string(COHESION_EXAMPLE_DATA));
    EXPECT_EQ(data.exit_code, 1);
    EXPECT_NE(data.err.find("holds the project's input"), std::string::npos) << data.err;
}

// Item 14: `run --dry-run` only listed the steps; a typo was found minutes into the real run.
TEST(CliFiles, DryRunValidatesTheProject) {
    const auto dir = fresh("dry_run");
    const auto out = dir / "out";
    struct Case {
        std::string toml, expected;
    };
    const std::string data = COHESION_EXAMPLE_DATA;
    const std::vector<Case> cases = {
        {"[analyses]\nhotspots = [\"Martian\"]\n", ":6: [analyses] hotspots: "},
        {"[analyses]\ntypology_host = \"Martians\"\n", ":6: [analyses] typology_host: "},
        {"[boundaries]\npath = \"" + example_table() + "\"\n", ": [boundaries] path: "},
        {"[targeting]\ncensus = \"" + data + "/bedford/census2021_oa\"\nmodel = \"p-centre\"\n",
         ":7: [targeting] model: unknown model 'p-centre'"},
    };
    for (const auto& c : cases) {
        const auto path = dir / "p.toml";
        std::string toml = c.toml;
        // [analyses] may appear once: merge the case's keys into the project's section.
        std::ofstream(path) << "[project]\noutput = \"" << out.string() << "\"\n[table]\npath = \"" << example_table()
                            << "\"\n" << toml;
        for (const char* mode : {"run --dry-run ", "run "}) {
            const auto run = run_cli(mode + path.string());
            EXPECT_EQ(run.exit_code, 1) << mode << toml;
            EXPECT_NE(run.err.find("project " + path.string() + c.expected), std::string::npos) << run.err;
            EXPECT_TRUE(run.out.empty()) << run.out;
            EXPECT_FALSE(fs::exists(out));
            EXPECT_TRUE(named_like(dir, "staging").empty());
        }
    }
    // A table that does not parse: named with its [table] key.
    const auto broken = dir / "broken.csv";
    std::ofstream(broken) << "code,A,B\nx1,1\n";
    std::ofstream(dir / "q.toml") << "[table]\npath = \"broken.csv\"\n";
    const auto table = run_cli("run --dry-run " + (dir / "q.toml").string());
    EXPECT_EQ(table.exit_code, 1);
    EXPECT_NE(table.err.find("[table] " + broken.string() + ": " + broken.string() + ":2: expected 3 fields"),
              std::string::npos)
        << table.err;
}
