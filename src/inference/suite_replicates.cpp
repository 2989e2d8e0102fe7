#include "inference/suite_replicates.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <optional>

#include "core/cancellation.hpp"
#include "core/error.hpp"
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

CountMatrix derive(const Derived& d, const CountMatrix& base, const std::vector<double>& cells) {
    const std::size_t units = base.units;
    switch (d.how) {
        case Derived::How::identity:
            return make_count_matrix(cells, units, base.group_names, base.description);
        case Derived::How::leading_columns: {
            std::vector<double> sub(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(d.columns * units));
            std::vector<std::string> names(base.group_names.begin(),
                                           base.group_names.begin() + static_cast<std::ptrdiff_t>(d.columns));
            return make_count_matrix(std::move(sub), units, std::move(names), base.description);
        }
        case Derived::How::vs_rest: {
            std::vector<double> two(2 * units, 0.0);
            for (std::size_t g = 0; g < base.groups; ++g) {
                const double* col = cells.data() + g * units;
                double* into = two.data() + (g == d.column ? 0 : units);
                for (std::size_t i = 0; i < units; ++i) into[i] += col[i];
            }
            return make_count_matrix(std::move(two), units, {base.group_names[d.column], "rest"}, base.description);
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
        std::vector<double> cells;
        MultinomialSampler::Scratch work;
    };
    tbb::enumerable_thread_specific<Scratch> scratch;
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    const std::size_t tasks = bases.size() * R;
    tbb::parallel_for(std::size_t{0}, tasks, [&](std::size_t task) {
        throw_if_stopped(options.stop);
        const std::size_t b = task / R, r = task % R;
        const Base& base = bases[b];
        // Base 0 uses the seed's own stream, so a one-view suite repeats bootstrap()'s draws.
        const std::uint64_t base_seed = b == 0 ? seed : splitmix64(seed + b);
        auto engine = replicate_engine(base_seed, r);
        Scratch& s = scratch.local();
        if (bootstrap) {
            samplers[b]->draw_cells(engine, s.cells, s.work);
        } else {
            s.cells = allocate_at_random(base.counts, engine).cells;
        }
        IndexParams replicate_params = params;
        // Simulation-based indices get their own stream per replicate too (as bootstrap()).
        if (bootstrap) replicate_params.seed = splitmix64(options.seed ^ static_cast<std::uint64_t>(r));
        for (const Derived& d : base.views) {
            // A base that is its view lends the replicate's cells to the view and takes them
            // back (when no unit was dropped, make_count_matrix keeps the vector): no copy and
            // no fresh 20 MB to fault in per replicate.
            const bool lend = d.how == Derived::How::identity;
            CountMatrix view = lend ? make_count_matrix(std::move(s.cells), base.counts.units, base.counts.group_names,
                                                        base.counts.description)
                                    : derive(d, base.counts, s.cells);
            for (std::size_t k : items_of_view[d.view]) {
                throw_if_stopped(options.stop);
                values[k][r] = plan.items[k].index->compute(IndexInput{view, replicate_params});
            }
            if (lend) s.cells = std::move(view.cells);
        }
        const std::size_t finished = ++done;
        if (options.progress) {
            std::lock_guard lock(progress_mutex);
            options.progress(finished, tasks);
        }
    });
    return values;
}

std::size_t suite_replicate_bases(const Table& table, const SuitePlan& plan) { return plan_bases(table, plan).size(); }

}  // namespace cohesion
