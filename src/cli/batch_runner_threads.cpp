// Without MPI a batch is never distributed: the caller runs its units on TBB threads.
#ifndef COHESION_WITH_MPI
#include "cli/batch_runner.hpp"

namespace cohesion::cli {

BatchRun run_batch(const BatchJob&) { return {}; }

}  // namespace cohesion::cli
#endif
