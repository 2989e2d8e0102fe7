#include "indices/index_suite.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/error.hpp"

namespace cohesion {

namespace {

// What a need is, in the words of someone holding a table and its boundaries.
std::string what_is_missing(const IndexNeeds& needs, const IndexNeeds& supplied) {
    std::vector<std::string> parts;
    if (needs.unit_areas && !supplied.unit_areas) parts.emplace_back("land areas");
    if (needs.weights && !supplied.weights) parts.emplace_back("neighbours");
    if (needs.geometry && !supplied.geometry) parts.emplace_back("shapes");
    return fmt::format("{}", fmt::join(parts, ", "));
}

void check_named(const IndexDefinition& d, const SuiteRequest& r, const IndexNeeds& supplied) {
    const auto& info = d.info;
    if (info.output != r.output)
        throw Error(Field{"index"},
                    r.output == IndexOutput::one_value
                        ? "'" + info.name + "' is a local (per-area) index; use `cohesion local`"
                        : "'" + info.name + "' is not a local index; use `cohesion indices`");
    if (!info.needs.met_by(supplied))
        throw Error(Field{"index"},
                    fmt::format("'{}' is a {} index and needs the areas' boundaries ({}){}", info.name,
                                kind_label(info), what_is_missing(info.needs, supplied),
                                info.output == IndexOutput::one_value ? "; use `cohesion spatial`" : ""));
}

}  // namespace

IndexNeeds supplied_by(const IndexParams& params) {
    return IndexNeeds{.unit_areas = !params.unit_areas.empty(),
                      .weights = params.weights != nullptr,
                      .geometry = params.geometry != nullptr};
}

IndexChoice choose_indices(const SuiteRequest& r) {
    const IndexNeeds from_params = supplied_by(r.params);
    const IndexNeeds supplied{.unit_areas = r.supplied.unit_areas || from_params.unit_areas,
                              .weights = r.supplied.weights || from_params.weights,
                              .geometry = r.supplied.geometry || from_params.geometry};
    const auto& registry = IndexRegistry::instance();
    IndexChoice out;
    if (!r.indices.empty()) {
        for (const auto& name : r.indices) {
            const auto& d = registry.get(name);
            check_named(d, r, supplied);
            out.indices.push_back(&d);
        }
        return out;
    }
    std::vector<std::string> unmet;
    for (const auto* d : registry.all()) {
        const auto& info = d->info;
        if (info.output != r.output || (r.needing_boundaries_only && !info.needs.any())) continue;
        if (!r.include_stochastic && info.stochastic) continue;
        if (!info.needs.met_by(supplied)) {
            unmet.push_back(info.name);
            continue;
        }
        out.indices.push_back(d);
    }
    if (!unmet.empty())
        out.notes.push_back(fmt::format("not computed without the areas' boundaries (land areas, neighbours or shapes){}: "
                                        "{}",
                                        r.output == IndexOutput::one_value ? ", see `cohesion spatial`" : "",
                                        fmt::join(unmet, ", ")));
    return out;
}

SuitePlan plan_suite(const Table& table, const SuiteRequest& request) {
    IndexChoice choice = choose_indices(request);
    const auto& chosen = choice.indices;
    auto reads = [](IndexGroups groups) {
        return [groups](const IndexDefinition* d) { return d->info.groups == groups; };
    };

    SuitePlan plan;
    plan.notes = std::move(choice.notes);
    if (std::any_of(chosen.begin(), chosen.end(), reads(IndexGroups::multigroup))) {
        plan.views.push_back(multigroup(table));
        plan.sources.push_back({ViewSource::Kind::all_groups});
        for (auto* d : chosen)
            if (d->info.groups == IndexGroups::multigroup) plan.items.push_back({d, "all groups", "", 0});
    }
    if (std::any_of(chosen.begin(), chosen.end(), reads(IndexGroups::two_group))) {
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
                if (d->info.groups == IndexGroups::two_group)
                    plan.items.push_back({d, f, request.versus.empty() ? "rest" : request.versus, view});
        }
    }
    return plan;
}

std::vector<double> run_suite(const SuitePlan& plan, const std::vector<IndexParams>& params_of_view) {
    if (params_of_view.size() != 1 && params_of_view.size() != plan.views.size())
        throw Error("internal: run_suite needs one IndexParams, or one per view");
    std::vector<double> values(plan.items.size());
    // Indices are independent; simulated ones dominate, so spread items over cores.
    tbb::parallel_for(std::size_t{0}, plan.items.size(), [&](std::size_t k) {
        const auto& item = plan.items[k];
        const IndexParams& params = params_of_view[params_of_view.size() == 1 ? 0 : item.view];
        values[k] = item.index->compute(IndexInput{plan.views[item.view], params});
    });
    return values;
}

std::vector<double> run_suite(const SuitePlan& plan, const IndexParams& params) {
    return run_suite(plan, std::vector<IndexParams>{params});
}

std::vector<LocalColumns> run_local_suite(const SuitePlan& plan, const IndexParams& params) {
    std::vector<LocalColumns> out(plan.items.size());
    tbb::parallel_for(std::size_t{0}, plan.items.size(), [&](std::size_t k) {
        const auto& item = plan.items[k];
        out[k] = item.index->compute_local(IndexInput{plan.views[item.view], params});
    });
    return out;
}

}  // namespace cohesion
