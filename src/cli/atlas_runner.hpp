#pragma once
// Where the atlas's work units run: on this process's threads, or — in a build with
// COHESION_WITH_MPI, started under mpirun with more than one rank — spread over MPI ranks by
// the shared batch runner (cli/batch_runner.hpp; batch_runner_mpi.cpp is the only file that
// includes <mpi.h>). The library (src/atlas) never depends on MPI.
#include <functional>
#include <vector>

#include "atlas/national_atlas.hpp"

namespace cohesion::cli {

struct AtlasRun {
    std::vector<AtlasUnit> units;  // in work-list order; filled on the writing process only
    bool writes = true;            // false on MPI ranks other than 0: they compute, rank 0 writes
    int ranks = 1;
    std::vector<std::size_t> units_per_rank;  // MPI: how many units each rank computed (load balance)
    std::size_t gathered_bytes = 0;           // MPI: bytes of encoded units rank 0 received
};

AtlasRun run_atlas_units(const Table& national, const AtlasWorkList& work, const AtlasOptions& options,
                         const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace cohesion::cli
