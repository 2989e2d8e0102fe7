// `cohesion atlas` over Open MPI: rank 0 hands out work units (LADs) one at a time to the
// rank that asks (dynamic load balancing: a rank that drew Birmingham is not waited on while
// others idle), computes units itself on a second thread, and gathers every result; the
// other ranks only compute. Units are seeded by their key (atlas/atlas_unit.hpp), so the
// atlas is identical for any number of ranks, and identical to the threads-only build.
//
// Started without mpirun (no OMPI_COMM_WORLD_SIZE / PMIX_RANK in the environment) or with
// one rank, the atlas runs on threads like the non-MPI build. A rank that dies mid-run makes
// mpirun end the job with its own message; rank 0 never reaches the commit of its staged
// output folder, so no partial atlas is left (src/cli/staged_output_folder.hpp).
//
// Fault injection for the killed-rank test: COHESION_ATLAS_KILL_RANK=R makes rank R kill
// itself (SIGKILL) once it has loaded the table, before it asks for work: rank 0 is then
// waiting on it, deterministically mid-run.
#ifdef COHESION_WITH_MPI
#include <mpi.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>

#include "atlas/unit_codec.hpp"
#include "cli/atlas_runner.hpp"
#include "core/error.hpp"

namespace cohesion::cli {

namespace {

enum Tag : int { ask = 1, result = 2, assign = 3 };
constexpr long stop_unit = -1;

bool launched_by_mpirun() {
    for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
        if (std::getenv(v)) return true;
    return false;
}

void check(int code, const char* what) {
    if (code != MPI_SUCCESS) throw Error(std::string("MPI: ") + what + " failed (error " + std::to_string(code) + ")");
}

void maybe_die(int rank) {
    if (const char* r = std::getenv("COHESION_ATLAS_KILL_RANK"); r && std::atoi(r) == rank) std::raise(SIGKILL);
}

struct MpiSession {
    MpiSession() {
        int provided = 0;
        check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
    }
    ~MpiSession() { MPI_Finalize(); }
};

// Largest units first, so the long ones start early and the short ones fill the gaps.
std::vector<std::size_t> schedule(const AtlasWorkList& work) {
    std::vector<std::size_t> order(work.names.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return work.rows[a].size() > work.rows[b].size(); });
    return order;
}

}  // namespace

AtlasRun run_atlas_units(const Table& national, const AtlasWorkList& work, const AtlasOptions& options,
                         const std::function<void(std::size_t, std::size_t)>& progress) {
    if (!launched_by_mpirun()) return {compute_atlas_units(national, work, options, progress), true, 1};
    MpiSession session;
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size == 1) return {compute_atlas_units(national, work, options, progress), true, 1};
    check_atlas_options(options);

    if (rank != 0) {  // worker: ask, compute, send, until told to stop
        long unit = 0;
        maybe_die(rank);
        check(MPI_Send(nullptr, 0, MPI_CHAR, 0, ask, MPI_COMM_WORLD), "MPI_Send");
        for (;;) {
            check(MPI_Recv(&unit, 1, MPI_LONG, 0, assign, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
            if (unit == stop_unit) break;
            const auto k = static_cast<std::size_t>(unit);
            std::string bytes = std::to_string(k) + "\n" +
                                encode_unit(compute_atlas_unit(unit_table(national, work, k), work.names[k], options));
            check(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_CHAR, 0, result, MPI_COMM_WORLD),
                  "MPI_Send");
        }
        return {{}, false, size};
    }

    // Rank 0: serve the queue from this (MPI) thread, compute on a second thread.
    const std::vector<std::size_t> order = schedule(work);
    std::atomic<std::size_t> next{0};
    std::vector<AtlasUnit> units(work.names.size());
    std::mutex report;
    std::size_t done = 0;
    std::vector<std::size_t> per_rank(static_cast<std::size_t>(size), 0);
    auto finished = [&](std::size_t k, AtlasUnit u, int from) {
        std::lock_guard lock(report);
        ++per_rank[static_cast<std::size_t>(from)];
        units[k] = std::move(u);
        ++done;
        if (progress) progress(done, units.size());
    };
    std::exception_ptr local_error;
    std::thread local([&] {
        try {
            for (std::size_t i; (i = next++) < order.size();) {
                const std::size_t k = order[i];
                finished(k, compute_atlas_unit(unit_table(national, work, k), work.names[k], options), 0);
            }
        } catch (...) {
            local_error = std::current_exception();
            next = order.size();
        }
    });
    int stopped = 0;
    std::size_t gathered = 0;
    std::string buffer;
    while (stopped < size - 1) {
        // Poll rather than block: Open MPI's blocking probe spins a core, which on a small
        // machine is the core rank 0's own compute thread needs.
        MPI_Status status;
        for (int flag = 0;;) {
            check(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status), "MPI_Iprobe");
            if (flag) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        int count = 0;
        MPI_Get_count(&status, MPI_CHAR, &count);
        buffer.resize(static_cast<std::size_t>(count));
        check(MPI_Recv(buffer.data(), count, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
                       MPI_STATUS_IGNORE),
              "MPI_Recv");
        if (status.MPI_TAG == result) {
            gathered += buffer.size();
            const auto newline = buffer.find('\n');
            finished(std::stoul(buffer.substr(0, newline)), decode_unit(buffer.substr(newline + 1)), status.MPI_SOURCE);
        }
        const std::size_t i = next++;
        long unit = i < order.size() ? static_cast<long>(order[i]) : stop_unit;
        if (unit == stop_unit) ++stopped;
        check(MPI_Send(&unit, 1, MPI_LONG, status.MPI_SOURCE, assign, MPI_COMM_WORLD), "MPI_Send");
    }
    local.join();
    if (local_error) std::rethrow_exception(local_error);
    return {std::move(units), true, size, std::move(per_rank), gathered};
}

}  // namespace cohesion::cli
#endif
