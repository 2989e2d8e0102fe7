// A batch of work units over Open MPI (cli/batch_runner.hpp): rank 0 hands out units one at a
// time to the rank that asks (dynamic load balancing: a rank that drew a long unit is not
// waited on while others idle), computes units itself on a second thread, and gathers every
// result; the other ranks only compute. Units are seeded by their key, so a batch is identical
// for any number of ranks, and identical to the threads-only run.
//
// Started without mpirun (no OMPI_COMM_WORLD_SIZE / PMIX_RANK in the environment) or with one
// rank, the batch is not distributed and the caller runs it on threads. A rank that dies
// mid-run makes mpirun end the job with its own message; rank 0 never returns, so its caller
// never commits output (atlas: a staged output folder; simulate: tables written at the end).
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

#include "cli/batch_runner.hpp"
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

void maybe_die(const std::string& variable, int rank) {
    if (variable.empty()) return;
    if (const char* r = std::getenv(variable.c_str()); r && std::atoi(r) == rank) std::raise(SIGKILL);
}

struct MpiSession {
    MpiSession() {
        int provided = 0;
        check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
    }
    ~MpiSession() { MPI_Finalize(); }
};

}  // namespace

BatchRun run_batch(const BatchJob& job) {
    if (!launched_by_mpirun()) return {};
    MpiSession session;
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size == 1) return {};

    if (rank != 0) {  // worker: ask, compute, send, until told to stop
        long unit = 0;
        maybe_die(job.kill_variable, rank);
        check(MPI_Send(nullptr, 0, MPI_CHAR, 0, ask, MPI_COMM_WORLD), "MPI_Send");
        for (;;) {
            check(MPI_Recv(&unit, 1, MPI_LONG, 0, assign, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
            if (unit == stop_unit) break;
            const auto k = static_cast<std::size_t>(unit);
            std::string bytes = std::to_string(k) + "\n" + job.compute(k);
            check(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_CHAR, 0, result, MPI_COMM_WORLD),
                  "MPI_Send");
        }
        BatchRun run;
        run.distributed = true;
        run.writes = false;
        run.ranks = size;
        return run;
    }

    // Rank 0: serve the queue from this (MPI) thread, compute on a second thread.
    std::vector<std::size_t> order = job.order;
    if (order.empty()) {
        order.resize(job.units);
        std::iota(order.begin(), order.end(), 0);
    }
    std::atomic<std::size_t> next{0};
    BatchRun run;
    run.distributed = true;
    run.ranks = size;
    run.results.resize(job.units);
    run.units_per_rank.assign(static_cast<std::size_t>(size), 0);
    std::mutex report;
    std::size_t done = 0;
    auto finished = [&](std::size_t k, std::string bytes, int from) {
        std::lock_guard lock(report);
        ++run.units_per_rank[static_cast<std::size_t>(from)];
        run.results[k] = std::move(bytes);
        ++done;
        if (job.progress) job.progress(done, job.units);
    };
    std::exception_ptr local_error;
    std::thread local([&] {
        try {
            for (std::size_t i; (i = next++) < order.size();) finished(order[i], job.compute(order[i]), 0);
        } catch (...) {
            local_error = std::current_exception();
            next = order.size();
        }
    });
    int stopped = 0;
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
            run.gathered_bytes += buffer.size();
            const auto newline = buffer.find('\n');
            finished(std::stoul(buffer.substr(0, newline)), buffer.substr(newline + 1), status.MPI_SOURCE);
        }
        const std::size_t i = next++;
        long unit = i < order.size() ? static_cast<long>(order[i]) : stop_unit;
        if (unit == stop_unit) ++stopped;
        check(MPI_Send(&unit, 1, MPI_LONG, status.MPI_SOURCE, assign, MPI_COMM_WORLD), "MPI_Send");
    }
    local.join();
    if (local_error) std::rethrow_exception(local_error);
    return run;
}

}  // namespace cohesion::cli
#endif
