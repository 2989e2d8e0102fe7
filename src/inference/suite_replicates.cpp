#include "inference/suite_replicates.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>

#include "core/cancellation.hpp"
#include "core/error.hpp"
#include "core/progress_count.hpp"
#include "sampling/people_sampler.hpp"
#include "sampling/random.hpp"
#include "inference/resampling.hpp"

namespace cohesion {
namespace {

// How a view is rebuilt from a replicate of its base.
struct Derived {
    enum class How { identity, leading_columns, vs_rest } how = How::identity;
    std::size_t view = 0;
    std::size_t column = 0;   // vs_rest: the focal column of the base
    std::size_t columns = 0;  // leading_columns: how many
};

struct Base {
    CountMatrix counts;
    std::vector<Derived> views;
};

// Tolerance for "the declared total equals the sum of the groups" (fractional data).
bool exceeds(double a, double b) { return a - b > 1e-9 * std::max(1.0, std::abs(b)); }

std::vector<Base> plan_bases(const Table& table, const SuitePlan& plan) {
    if (plan.sources.size() != plan.views.size()) throw Error("internal: suite plan without view sources");
    const std::size_t n = table.areas(), K = table.groups();
    const std::vector<double> total = table.unit_total();
    std::vector<double> residual(n, 0.0);
    bool any_residual = false, total_below_groups = false;
    for (std::size_t i = 0; i < n; ++i) {
        double groups = 0.0;
        for (std::size_t g = 0; g < K; ++g) groups += table.column(g)[i];
        if (exceeds(total[i], groups)) {
            residual[i] = total[i] - groups;
            any_residual = true;
        }
        total_below_groups = total_below_groups || exceeds(groups, total[i]);
    }
    std::vector<Base> bases;
    Base shared;
    auto own_base = [&](std::size_t v) {
        Base b{plan.views[v], {Derived{Derived::How::identity, v}}};
        bases.push_back(std::move(b));
    };
    for (std::size_t v = 0; v < plan.views.size(); ++v) {
        const ViewSource& s = plan.sources[v];
        if (s.kind == ViewSource::Kind::all_groups && !any_residual)
            shared.views.push_back({Derived::How::leading_columns, v, 0, K});
        else if (s.kind == ViewSource::Kind::vs_rest && !total_below_groups)
            shared.views.push_back({Derived::How::vs_rest, v, s.group});
        else
            own_base(v);
    }
    if (!shared.views.empty()) {
        // Sharing pays when one base draw replaces more drawn cells than it has: always with the
        // multigroup view (K columns of the K + 1), else with (K + 1)/2 or more vs-rest views
        // (2 columns each). Otherwise each view is drawn on its own, as bootstrap() would.
        const bool with_multigroup = std::any_of(shared.views.begin(), shared.views.end(), [](const Derived& d) {
            return d.how == Derived::How::leading_columns;
        });
        const std::size_t base_columns = K + (any_residual ? 1 : 0);
        if ((!with_multigroup || shared.views.size() == 1) && 2 * shared.views.size() < base_columns) {
            for (const Derived& d : shared.views) own_base(d.view);
        } else {
            std::vector<double> cells;
            cells.reserve(n * (K + 1));
            std::vector<std::string> names = table.group_names();
            for (std::size_t g = 0; g < K; ++g) {
                const auto col = table.column(g);
                cells.insert(cells.end(), col.begin(), col.end());
            }
            if (any_residual) {
                cells.insert(cells.end(), residual.begin(), residual.end());
                names.push_back("people in no listed group");
            }
            shared.counts = make_count_matrix(std::move(cells), n, std::move(names), "all people");
            bases.insert(bases.begin(), std::move(shared));
        }
    }
    return bases;
}

// The view `d` of a replicate of its base, into `into` (buffers reused across replicates). The
// replicate has no empty unit (PeopleSampler::draw_into and make_count_matrix drop them), and
// neither has any view summing all its columns, so totals carry over without a rebuild; counts
// are whole numbers, so t − x equals the sum of the other columns exactly.
void derive(const Derived& d, const CountMatrix& replicate, CountMatrix& into) {
    const std::size_t units = replicate.units;
    switch (d.how) {
        case Derived::How::identity:
            break;  // the replicate itself (see the caller)
        case Derived::How::leading_columns:
            into = make_count_matrix(
                std::vector<double>(replicate.cells.begin(), replicate.cells.begin() + static_cast<std::ptrdiff_t>(d.columns * units)),
                units,
                std::vector<std::string>(replicate.group_names.begin(),
                                         replicate.group_names.begin() + static_cast<std::ptrdiff_t>(d.columns)),
                replicate.description);
            return;
        case Derived::How::vs_rest: {
            into.units = units;
            into.groups = 2;
            into.cells.resize(2 * units);
            const double* x = replicate.cells.data() + d.column * units;
            for (std::size_t i = 0; i < units; ++i) {
                into.cells[i] = x[i];
                into.cells[units + i] = replicate.unit_totals[i] - x[i];
            }
            into.unit_totals = replicate.unit_totals;
            into.group_totals = {replicate.group_totals[d.column], replicate.grand_total - replicate.group_totals[d.column]};
            into.grand_total = replicate.grand_total;
            into.group_names = {replicate.group_names[d.column], "rest"};
            into.description = replicate.description;
            into.unit_rows = replicate.unit_rows;
            into.dropped_units = replicate.dropped_units;
            return;
        }
    }
    throw Error("internal: unknown view derivation");
}

}  // namespace

std::vector<std::vector<double>> suite_replicates(const Table& table, const SuitePlan& plan,
                                                  const IndexParams& params, const SuiteReplicateOptions& options) {
    const std::vector<Base> bases = plan_bases(table, plan);
    std::vector<std::vector<std::size_t>> items_of_view(plan.views.size());
    for (std::size_t k = 0; k < plan.items.size(); ++k) {
        if (!plan.items[k].index->compute)
            throw Error("resampling: '" + plan.items[k].index->info.name + "' is not a single-value index");
        items_of_view[plan.items[k].view].push_back(k);
    }
    const bool bootstrap = options.scheme == ResampleScheme::bootstrap;
    // Randomisation draws from a stream distinct from the bootstrap's for the same seed.
    const std::uint64_t seed = bootstrap ? options.seed : splitmix64(options.seed ^ 0xA5A5A5A5A5A5A5A5ULL);
    std::vector<std::optional<PeopleSampler>> samplers(bases.size());
    if (bootstrap)
        for (std::size_t b = 0; b < bases.size(); ++b) samplers[b].emplace(bases[b].counts);

    const auto R = static_cast<std::size_t>(options.replicates);
    std::vector<std::vector<double>> values(plan.items.size(), std::vector<double>(R));
    struct Scratch {
        CountMatrix replicate, view;
        MultinomialSampler::Scratch work;
    };
    tbb::enumerable_thread_specific<Scratch> scratch;
    const std::size_t tasks = bases.size() * R;
    ProgressCount done(options.progress, tasks);
    tbb::parallel_for(std::size_t{0}, tasks, [&](std::size_t task) {
        throw_if_stopped(options.stop);
        const std::size_t b = task / R, r = task % R;
        const Base& base = bases[b];
        // Base 0 uses the seed's own stream, so a one-view suite repeats bootstrap()'s draws.
        const std::uint64_t base_seed = b == 0 ? seed : splitmix64(seed + b);
        auto engine = replicate_engine(base_seed, r);
        IndexParams replicate_params = params;
        // Simulation-based indices get their own stream per replicate too (as bootstrap()).
        if (bootstrap) replicate_params.seed = splitmix64(options.seed ^ static_cast<std::uint64_t>(r));
        // Isolated: an index running parallel loops must not let this thread start another
        // replicate (and redraw the thread's tables) while it waits.
        tbb::this_task_arena::isolate([&] {
            Scratch& s = scratch.local();
            if (bootstrap)
                samplers[b]->draw_into(engine, s.replicate, s.work);
            else
                s.replicate = allocate_at_random(base.counts, engine);
            for (const Derived& d : base.views) {
                // The multigroup view of a base without a residual column is the base itself.
                const bool same = d.how == Derived::How::identity ||
                                  (d.how == Derived::How::leading_columns && d.columns == s.replicate.groups);
                if (!same) derive(d, s.replicate, s.view);
                const CountMatrix& view = same ? s.replicate : s.view;
                for (std::size_t k : items_of_view[d.view]) {
                    throw_if_stopped(options.stop);
                    values[k][r] = plan.items[k].index->compute(IndexInput{view, replicate_params});
                }
            }
        });
        done.tick();
    });
    return values;
}

std::size_t suite_replicate_bases(const Table& table, const SuitePlan& plan) { return plan_bases(table, plan).size(); }

}  // namespace cohesion
