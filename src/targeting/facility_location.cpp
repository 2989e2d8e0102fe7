#include "targeting/facility_location.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "targeting/location_solvers.hpp"

namespace cohesion {

LocationModel parse_location_model(const std::string& text) {
    if (text == "p-median" || text == "pmedian") return LocationModel::p_median;
    if (text == "maximal-covering" || text == "mclp") return LocationModel::maximal_covering;
    if (text == "set-covering" || text == "lscp") return LocationModel::set_covering;
    throw Error(Field{"model"},
                "unknown model '" + text + "'; expected p-median, maximal-covering or set-covering");
}

std::string to_string(LocationModel model) {
    switch (model) {
        case LocationModel::p_median: return "p-median";
        case LocationModel::maximal_covering: return "maximal-covering";
        case LocationModel::set_covering: return "set-covering";
    }
    return "?";
}

namespace {

void validate(const LocationProblem& pr) {
    if (pr.demand.empty()) throw Error("hub siting: there are no demand points");
    if (pr.candidates.empty()) throw Error("hub siting: there are no candidate sites");
    if (pr.weight.size() != pr.demand.size()) throw Error("hub siting: one demand value per point is needed");
    for (std::size_t i = 0; i < pr.weight.size(); ++i)
        if (!(pr.weight[i] >= 0.0) || !std::isfinite(pr.weight[i]))
            throw Error(fmt::format("hub siting: demand point {} has demand {} (expected a non-negative number)",
                                    i + 1, pr.weight[i]));
    for (const auto* set : {&pr.demand, &pr.candidates})
        for (const auto& q : *set)
            if (!std::isfinite(q.x) || !std::isfinite(q.y)) throw Error("hub siting: a point has no valid coordinates");
    if (pr.model != LocationModel::set_covering) {
        if (pr.p == 0) throw Error(Field{"hubs"}, "at least one hub is needed");
        if (pr.p > pr.candidates.size())
            throw Error(Field{"hubs"}, fmt::format("{} hubs were asked for but there are only {} candidate sites",
                                                           pr.p, pr.candidates.size()));
    }
    if (pr.model != LocationModel::p_median && !(pr.service_distance > 0))
        throw Error(Field{"distance"}, "the service distance must be positive (metres)");
}

void require_reachable(const LocationProblem& pr, const Coverage& coverage) {
    {
        std::size_t unreachable = 0;
        double people = 0.0;
        for (std::size_t i = 0; i < pr.demand.size(); ++i)
            if (pr.weight[i] > 0 && coverage.sites_of[i].empty()) ++unreachable, people += pr.weight[i];
        if (unreachable)
            throw Error(Field{"distance"},
                        fmt::format("no candidate site is within {:g} m of {} demand points ({:g} people), so no set of "
                                    "hubs covers everyone; raise {} or add candidates",
                                    pr.service_distance, unreachable, people, field_ref("distance")));
    }
}

// Allocates each point to its nearest chosen site and fills the shared statistics.
void evaluate(const LocationProblem& pr, LocationSolution& s) {
    std::sort(s.sites.begin(), s.sites.end());
    const std::size_t n = pr.demand.size();
    s.allocation.assign(n, 0);
    s.distance.assign(n, 0.0);
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t j : s.sites) {
            const double d = distance_between(pr.demand[i], pr.candidates[j]);
            if (d < best) best = d, s.allocation[i] = j;
        }
        s.distance[i] = best;
    });
    s.total_demand = s.covered_demand = s.mean_distance = s.max_distance = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        s.total_demand += pr.weight[i];
        s.mean_distance += pr.weight[i] * s.distance[i];
        if (s.distance[i] <= pr.service_distance * (1.0 + 1e-12)) s.covered_demand += pr.weight[i];
        if (pr.weight[i] > 0) s.max_distance = std::max(s.max_distance, s.distance[i]);
    }
    const double weighted = s.mean_distance;
    s.mean_distance = s.total_demand > 0 ? weighted / s.total_demand : 0.0;
    switch (pr.model) {
        case LocationModel::p_median: s.objective = weighted; break;
        case LocationModel::maximal_covering: s.objective = s.covered_demand; break;
        case LocationModel::set_covering: s.objective = static_cast<double>(s.sites.size()); break;
    }
}

// The stages LocationOptions::progress counts (facility_location.hpp).
std::size_t stage_count(const LocationProblem& pr, const LocationOptions& o) {
    const std::size_t coverage = pr.model == LocationModel::p_median ? 0 : 1;
    const std::size_t solver = o.solver == LocationSolver::exact           ? 2
                               : pr.model == LocationModel::set_covering ? 2
                                                                          : pr.p + 1;
    return coverage + solver + 1;  // + the allocation
}

}  // namespace

LocationSolution solve_location(const LocationProblem& problem, const LocationOptions& options) {
    validate(problem);
    SolverStages stages(options.progress, stage_count(problem, options));
    Coverage coverage;
    if (problem.model != LocationModel::p_median) {
        coverage = find_coverage(problem.demand, problem.candidates, problem.service_distance);
        stages.next();
    }
    if (problem.model == LocationModel::set_covering) require_reachable(problem, coverage);
    LocationSolution s = options.solver == LocationSolver::exact ? solve_exact_cbc(problem, coverage, options, stages)
                                                                 : solve_heuristic(problem, coverage, options, stages);
    evaluate(problem, s);
    stages.next();
    return s;
}

}  // namespace cohesion
