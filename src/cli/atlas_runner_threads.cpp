// Without MPI the atlas runs every unit on this process's TBB threads.
#ifndef COHESION_WITH_MPI
#include "cli/atlas_runner.hpp"

namespace cohesion::cli {

AtlasRun run_atlas_units(const Table& national, const AtlasWorkList& work, const AtlasOptions& options,
                         const std::function<void(std::size_t, std::size_t)>& progress) {
    return {compute_atlas_units(national, work, options, progress), true, 1};
}

}  // namespace cohesion::cli
#endif
