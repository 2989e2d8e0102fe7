// The atlas's LADs as a batch (cli/batch_runner.hpp): largest LADs first, each unit's result
// encoded with atlas/unit_codec.hpp; run on threads when the batch is not distributed.
#include "cli/atlas_runner.hpp"

#include <algorithm>
#include <numeric>

#include "atlas/unit_codec.hpp"
#include "cli/batch_runner.hpp"

namespace cohesion::cli {

AtlasRun run_atlas_units(const Table& national, const AtlasWorkList& work, const AtlasOptions& options,
                         const std::function<void(std::size_t, std::size_t)>& progress) {
    check_atlas_options(options);
    BatchJob job;
    job.units = work.names.size();
    // Largest units first, so the long ones start early and the short ones fill the gaps.
    job.order.resize(job.units);
    std::iota(job.order.begin(), job.order.end(), 0);
    std::stable_sort(job.order.begin(), job.order.end(),
                     [&](std::size_t a, std::size_t b) { return work.rows[a].size() > work.rows[b].size(); });
    job.compute = [&](std::size_t k) {
        return encode_unit(compute_atlas_unit(unit_table(national, work, k), work.names[k], options));
    };
    job.kill_variable = "COHESION_ATLAS_KILL_RANK";
    job.progress = progress;
    BatchRun batch = run_batch(job);
    if (!batch.distributed) return {compute_atlas_units(national, work, options, progress), true, 1};
    AtlasRun run;
    run.writes = batch.writes;
    run.ranks = batch.ranks;
    for (const auto& bytes : batch.results) run.units.push_back(decode_unit(bytes));
    run.units_per_rank = std::move(batch.units_per_rank);
    run.gathered_bytes = batch.gathered_bytes;
    return run;
}

}  // namespace cohesion::cli
