#include "indices/index_suite.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/error.hpp"

namespace cohesion {

SuitePlan plan_suite(const Table& table, const SuiteRequest& request) {
    auto& registry = IndexRegistry::instance();
    std::vector<const IndexDefinition*> chosen;
    if (request.indices.empty()) {
        for (const auto* d : registry.all())
            if (d->info.kind != IndexKind::local && d->info.kind != IndexKind::spatial &&
                (request.include_stochastic || !d->info.stochastic) &&
                (!d->info.needs_unit_areas || !request.params.unit_areas.empty()))
                chosen.push_back(d);
    } else {
        for (const auto& name : request.indices) {
            const auto& d = registry.get(name);
            if (d.info.kind == IndexKind::local)
                throw Error(Field{"index"},
                            "'" + name + "' is a local (per-area) index; use `cohesion local`");
            if (d.info.kind == IndexKind::spatial)
                throw Error(Field{"index"},
                            "'" + name + "' is a spatial index and needs boundaries; use `cohesion spatial`");
            chosen.push_back(&d);
        }
    }

    SuitePlan plan;
    const bool any_multi = std::any_of(chosen.begin(), chosen.end(),
                                       [](auto* d) { return d->info.kind == IndexKind::multigroup; });
    const bool any_two = std::any_of(chosen.begin(), chosen.end(),
                                     [](auto* d) { return d->info.kind == IndexKind::two_group; });
    if (any_multi) {
        plan.views.push_back(multigroup(table));
        plan.sources.push_back({ViewSource::Kind::all_groups});
        for (auto* d : chosen)
            if (d->info.kind == IndexKind::multigroup) plan.items.push_back({d, "all groups", "", 0});
    }
    if (any_two) {
        std::vector<std::string> focal = request.focal;
        if (focal.empty())
            for (const auto& g : table.group_names())
                if (g != request.versus) focal.push_back(g);
        if (!request.versus.empty()) table.group_index(request.versus, "versus");
        for (const auto& f : focal) table.group_index(f, "group");
        for (const auto& f : focal) {
            plan.views.push_back(request.versus.empty() ? two_group_vs_rest(table, f)
                                                        : two_group_pair(table, f, request.versus));
            if (request.versus.empty())
                plan.sources.push_back({ViewSource::Kind::vs_rest, table.group_index(f)});
            else
                plan.sources.push_back(
                    {ViewSource::Kind::pair, table.group_index(f), table.group_index(request.versus)});
            const std::size_t view = plan.views.size() - 1;
            for (auto* d : chosen)
                if (d->info.kind == IndexKind::two_group)
                    plan.items.push_back({d, f, request.versus.empty() ? "rest" : request.versus, view});
        }
    }
    return plan;
}

std::vector<double> run_suite(const SuitePlan& plan, const IndexParams& params) {
    std::vector<double> values(plan.items.size());
    // Indices are independent; simulated ones dominate, so spread items over cores.
    tbb::parallel_for(std::size_t{0}, plan.items.size(), [&](std::size_t k) {
        const auto& item = plan.items[k];
        values[k] = item.index->compute(IndexInput{plan.views[item.view], params});
    });
    return values;
}

}  // namespace cohesion
