#pragma once
// Runs the real `cohesion` binary (path baked in by CMake) through the shell and
// captures exit code, stdout and stderr separately.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cohesion::test {

struct CliRun {
    int exit_code;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::filesystem::path scratch_dir() {
    auto dir = std::filesystem::temp_directory_path() / ("cohesion_cli_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

// `environment`: VAR=VALUE assignments put before the command (e.g. "COHESION_PROGRESS_SECONDS=0").
inline CliRun run_cli(const std::string& arguments, const std::string& environment = "") {
    static int counter = 0;
    const auto dir = scratch_dir();
    const auto out = dir / ("out" + std::to_string(counter) + ".txt");
    const auto err = dir / ("err" + std::to_string(counter++) + ".txt");
    const std::string command = environment + (environment.empty() ? "" : " ") + std::string(COHESION_CLI) + " " + arguments + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(command.c_str());
    CliRun run{WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), slurp(out), slurp(err)};
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return run;
}

#ifdef COHESION_TEST_MPIRUN
// `cohesion ARGUMENTS` under Open MPI's mpirun with `ranks` processes (allowed as root and
// oversubscribed, as on CI machines with few cores).
inline std::string mpirun(int ranks) {
    return std::string("OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 ") + COHESION_TEST_MPIRUN +
           " --oversubscribe -n " + std::to_string(ranks) + " ";
}

inline CliRun run_under_mpirun(int ranks, const std::string& arguments, const std::string& env = "") {
    const auto dir = scratch_dir();
    const std::string command = env + " " + mpirun(ranks) + COHESION_CLI + " " + arguments + " >" +
                                (dir / "mpi_out.txt").string() + " 2>" + (dir / "mpi_err.txt").string();
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), slurp(dir / "mpi_out.txt"),
            slurp(dir / "mpi_err.txt")};
}
#endif

inline std::string example_table() { return std::string(COHESION_EXAMPLE_DATA) + "/bedford/oa2011_ethnicity.csv"; }
inline std::string shared_data() {
    const char* env = std::getenv("COHESION_SHARED_DATA");
    return env && *env ? env : COHESION_DEFAULT_SHARED_DATA;
}
inline std::string bedford_boundaries() { return shared_data() + "/bedford/oa2011.geojson"; }
// The bundled Census 2021 topic tables and 2021 LSOA polygons of Bedford (data/bedford).
inline std::string census_bundle() { return std::string(COHESION_EXAMPLE_DATA) + "/bedford/census2021_oa"; }
inline std::string lsoa2021() { return std::string(COHESION_EXAMPLE_DATA) + "/bedford/lsoa2021.geojson"; }

}  // namespace cohesion::test
