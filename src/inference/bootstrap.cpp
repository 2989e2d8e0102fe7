#include "inference/bootstrap.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

#include "core/cancellation.hpp"
#include "core/error.hpp"
#include "core/progress_count.hpp"
#include "sampling/random.hpp"
#include "sampling/people_sampler.hpp"

namespace cohesion {

double percentile_of_sorted(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return std::nan("");
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(position));
    const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
    return sorted[lower] + (position - static_cast<double>(lower)) * (sorted[upper] - sorted[lower]);
}

std::vector<double> run_replicates(int n, const std::function<double(int)>& f, const ProgressCallback& progress,
                                   const std::stop_token& stop) {
    std::vector<double> values(static_cast<std::size_t>(n));
    ProgressCount done(progress, static_cast<std::size_t>(n));
    // The exception thrown inside the loop cancels TBB's task group and is rethrown here.
    tbb::parallel_for(0, n, [&](int r) {
        throw_if_stopped(stop);
        values[static_cast<std::size_t>(r)] = f(r);
        done.tick();
    });
    return values;
}

void check_bootstrap_options(int replicates, double confidence) {
    if (replicates < 2) throw Error(Field{"bootstrap"}, "expected at least 2 bootstrap replicates");
    if (!(confidence > 0.0 && confidence < 1.0))
        throw Error(Field{"confidence"}, "expected a confidence level between 0 and 1");
}

BootstrapResult bootstrap_result(double estimate, std::vector<double> replicates, double confidence) {
    BootstrapResult r;
    r.estimate = estimate;
    r.replicates = std::move(replicates);
    const double n = static_cast<double>(r.replicates.size());
    r.mean = std::accumulate(r.replicates.begin(), r.replicates.end(), 0.0) / n;
    double ss = 0.0;
    for (double v : r.replicates) ss += (v - r.mean) * (v - r.mean);
    r.standard_error = std::sqrt(ss / (n - 1.0));
    std::vector<double> sorted = r.replicates;
    std::sort(sorted.begin(), sorted.end());
    const double tail = (1.0 - confidence) / 2.0;
    r.ci_lower = percentile_of_sorted(sorted, tail);
    r.ci_upper = percentile_of_sorted(sorted, 1.0 - tail);
    r.bias = r.mean - r.estimate;
    r.bias_corrected = r.estimate - r.bias;
    return r;
}

BootstrapResult bootstrap(const IndexDefinition& index, const CountMatrix& counts, const IndexParams& params,
                          const BootstrapOptions& options) {
    check_bootstrap_options(options.replicates, options.confidence);
    if (!index.compute) throw Error("bootstrap: '" + index.info.name + "' is not a single-value index");
    const double estimate = index.compute(IndexInput{counts, params});
    const PeopleSampler sampler(counts);
    // One replicate table per thread, redrawn in place: a fresh 20 MB table per replicate cost
    // page faults and zeroing comparable to the draw itself.
    struct Scratch {
        CountMatrix sample;
        MultinomialSampler::Scratch work;
    };
    tbb::enumerable_thread_specific<Scratch> scratch;
    std::vector<double> replicates = run_replicates(
        options.replicates,
        [&](int replicate) {
            auto engine = replicate_engine(options.seed, static_cast<std::uint64_t>(replicate));
            // Simulation-based indices get their own stream per replicate too.
            IndexParams replicate_params = params;
            replicate_params.seed = splitmix64(options.seed ^ static_cast<std::uint64_t>(replicate));
            // Isolated: an index that runs parallel loops must not let this thread start another
            // replicate (and redraw its table) while it waits.
            return tbb::this_task_arena::isolate([&] {
                Scratch& s = scratch.local();
                sampler.draw_into(engine, s.sample, s.work);
                return index.compute(IndexInput{s.sample, replicate_params});
            });
        },
        options.progress, options.stop);
    return bootstrap_result(estimate, std::move(replicates), options.confidence);
}

}  // namespace cohesion
