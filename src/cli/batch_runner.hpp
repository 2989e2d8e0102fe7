#pragma once
// Where a batch of independent, seeded work units runs: on this process's threads, or — in a
// build with COHESION_WITH_MPI, started under mpirun with more than one rank — spread over
// MPI ranks (batch_runner_mpi.cpp, the only file that includes <mpi.h>). Used by
// `cohesion atlas` (a unit = one LAD) and `cohesion simulate --sweep` (a unit = one replicate
// run of one scenario in one town); the libraries never depend on MPI.
//
// Every unit must be deterministic in its index alone (seeded by its key, not by the rank or
// the order it runs in), so a batch gives identical results for any number of ranks and
// without MPI. Results travel as bytes: `compute` encodes, the caller decodes on rank 0.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace cohesion::cli {

struct BatchJob {
    std::size_t units = 0;
    std::vector<std::size_t> order;  // the order units are handed out (largest first); empty = 0, 1, 2, ...
    std::function<std::string(std::size_t)> compute;  // one unit's result, encoded
    // Fault injection for the killed-rank tests: when this environment variable is R, rank R
    // kills itself (SIGKILL) before it asks for work, so rank 0 is waiting on it mid-run.
    std::string kill_variable;
    std::function<void(std::size_t, std::size_t)> progress;  // rank 0: units done, units
};

struct BatchRun {
    bool distributed = false;  // false: not under mpirun with more than one rank — run the units on threads
    bool writes = true;        // false on ranks other than 0: they compute, rank 0 writes
    int ranks = 1;
    std::vector<std::string> results;         // rank 0: one encoded result per unit, by unit index
    std::vector<std::size_t> units_per_rank;  // how many units each rank computed (load balance)
    std::size_t gathered_bytes = 0;           // bytes of results rank 0 received from other ranks
};

// Under mpirun with more than one rank: rank 0 hands out units one at a time to whichever rank
// asks (dynamic load balancing), computes units itself on a second thread and gathers every
// result; other ranks only compute. A rank that dies makes mpirun end the job; rank 0 never
// returns, so the caller never writes partial output. Otherwise returns {distributed = false}
// without computing anything.
BatchRun run_batch(const BatchJob& job);

}  // namespace cohesion::cli
