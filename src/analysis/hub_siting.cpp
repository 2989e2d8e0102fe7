#include "analysis/hub_siting.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "core/error.hpp"
#include "targeting/facility_location.hpp"

namespace cohesion {

namespace {

std::vector<double> demand_of(const CensusTopics& census, const std::string& demand,
                              const std::vector<std::string>& codes, std::string& description) {
    if (demand == "need") {
        description = "residents aged 3+ who cannot speak English well or at all (TS029)";
        return census_sum(census.topic("ts029", codes), {"not_well", "not_at_all"});
    }
    if (demand == "accession") {
        description = "residents born in EU8/EU2 accession countries (TS004)";
        return census_sum(census.topic("ts004", codes), {"eu8", "eu2"});
    }
    if (demand == "residents") {
        description = "usual residents (TS001)";
        return census_column(census.topic("ts001", codes), "total");
    }
    throw Error(Field{"demand"}, "unknown demand '" + demand + "'; expected need, accession or residents");
}

LocationSolver choose_solver(const std::string& solver, const LocationProblem& pr) {
    if (solver == "exact") return LocationSolver::exact;
    if (solver == "heuristic") return LocationSolver::heuristic;
    if (solver != "auto") throw Error(Field{"solver"}, "expected auto, exact or heuristic, got '" + solver + "'");
    // CBC proves optimality quickly for covering models; a large p-median is left to the heuristic.
    const auto served = static_cast<std::size_t>(std::count_if(pr.weight.begin(), pr.weight.end(), [](double w) { return w > 0; }));
    return pr.model == LocationModel::p_median && served * pr.candidates.size() > 60000 ? LocationSolver::heuristic
                                                                                        : LocationSolver::exact;
}

}  // namespace

std::vector<ResultTable> hub_siting(const CensusTopics& census, const AreaLayer& layer, const HubSitingOptions& o) {
    const Table& areas_table = census.topic("ts001");
    // Demand points: the areas present both in the tables and in the boundaries.
    std::unordered_map<std::string, std::size_t> feature;
    for (std::size_t k = 0; k < layer.size(); ++k) feature.emplace(layer.codes[k], k);
    std::vector<std::string> codes;
    for (const auto& c : areas_table.area_codes())
        if (feature.count(c)) codes.push_back(c);
    if (codes.empty())
        throw Error(Location{layer.source, 0, layer.code_field},
                    "no area of the census tables has a polygon here; aggregate to the boundaries' level (e.g. " +
                        field_ref("aggregate") + " lsoa21cd with LSOA boundaries)");
    std::string description;
    const auto weight = demand_of(census, o.demand, codes, description);
    const auto surface = area_points_on_surface(layer);
    LocationProblem pr;
    pr.model = parse_location_model(o.model);
    pr.p = o.p;
    pr.service_distance = o.distance;
    pr.weight = weight;
    std::unordered_map<std::string, Point2> supplied;
    for (const auto& d : o.demand_points) supplied.emplace(d.name, d.point);
    std::size_t from_file = 0;
    for (const auto& c : codes) {
        const auto it = supplied.find(c);
        from_file += it != supplied.end();
        pr.demand.push_back(it != supplied.end() ? it->second : surface[feature[c]].point);
    }
    if (!o.demand_points.empty() && from_file == 0)
        throw Error(Location{o.demand_points_label, 0, ""},
                    "no demand point has the code of a study area (e.g. " + codes.front() +
                        "); the points must be named by area code at the level of the boundaries");
    // Candidates: given sites inside the study areas, or the study areas' own points
    // (a national boundary file holds far more polygons than the study).
    std::vector<std::size_t> study;
    for (const auto& c : codes) study.push_back(feature[c]);
    std::vector<NamedSite> sites;
    if (o.candidates.empty())
        for (std::size_t k : study) sites.push_back(surface[k]);
    else
        sites = load_candidate_sites(o.candidates, layer, o.allow_outside, &study);
    for (const auto& s : sites) pr.candidates.push_back(s.point);

    LocationOptions lo;
    lo.time_limit_seconds = o.time_limit;
    lo.solver = choose_solver(o.solver, pr);
    lo.progress = o.progress;
    LocationSolution s;
    std::string fallback;
    try {
        s = solve_location(pr, lo);
    } catch (const NoSolutionInTime& e) {
        if (o.solver != "auto") throw;
        lo.solver = LocationSolver::heuristic;
        s = solve_location(pr, lo);
        fallback = fmt::format("CBC found no solution within {:g} s, so the heuristic was used", o.time_limit);
    }

    std::vector<std::string> notes{
        fmt::format("demand: {} at {} ({} areas, {:g} people)", description,
                    o.demand_points.empty()
                        ? std::string("each area's point on surface")
                        : fmt::format("the points of {} for {} areas{}", o.demand_points_label, from_file,
                                      from_file < codes.size() ? ", each other area's point on surface" : ""),
                    codes.size(), s.total_demand),
        fmt::format("candidates: {} ({})", sites.size(),
                    o.candidates.empty() ? "every study area's point on surface" : o.candidates),
        fmt::format("model {}: {}; service distance {:g} m (straight line in {})", to_string(pr.model),
                    pr.model == LocationModel::p_median
                        ? fmt::format("{} hubs minimising demand-weighted distance", pr.p)
                        : pr.model == LocationModel::maximal_covering
                              ? fmt::format("{} hubs maximising demand within the distance", pr.p)
                              : std::string("fewest hubs putting everyone within the distance"),
                    o.distance, layer.crs),
        fmt::format("solver {}: {}{}", s.solver,
                    s.solver == "CBC" ? (s.proven_optimal ? "proven optimal" : fmt::format("gap {:.3g}", s.gap))
                                      : "local optimum (no single swap improves)",
                    s.iterations ? fmt::format(", {} swap passes", s.iterations) : std::string()),
        fmt::format("covered within {:g} m: {:.1f} % of demand; mean distance {:.0f} m, farthest {:.0f} m",
                    o.distance, s.total_demand > 0 ? 100.0 * s.covered_demand / s.total_demand : 0.0,
                    s.mean_distance, s.max_distance)};
    if (!fallback.empty()) notes.push_back(fallback);
    for (auto& n : census_provenance(census, areas_table)) notes.push_back(std::move(n));

    ResultTable hubs;
    hubs.title = fmt::format("{} integration hubs", s.sites.size());
    hubs.name = "hubs";
    hubs.notes = notes;
    hubs.columns = {"hub", "site", "lon", "lat", "areas_served", "demand_served", "demand_within_distance"};
    ResultTable alloc;
    alloc.title = "Areas and their nearest hub";
    alloc.name = "areas";
    alloc.columns = {"area", "hub", "site", "distance_m", "demand", "within_distance"};
    alloc.show_on_map("site");
    std::unordered_map<std::size_t, std::size_t> hub_number;
    for (std::size_t k = 0; k < s.sites.size(); ++k) hub_number[s.sites[k]] = k + 1;
    std::vector<double> served_demand(s.sites.size(), 0.0), within(s.sites.size(), 0.0);
    std::vector<std::int64_t> served_areas(s.sites.size(), 0);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const std::size_t h = hub_number[s.allocation[i]] - 1;
        const bool in = s.distance[i] <= o.distance;
        served_demand[h] += weight[i];
        within[h] += in ? weight[i] : 0.0;
        ++served_areas[h];
        alloc.add_row({codes[i], static_cast<std::int64_t>(h + 1), sites[s.allocation[i]].name, s.distance[i], weight[i],
                       std::string(in ? "yes" : "no")});
    }
    for (std::size_t k = 0; k < s.sites.size(); ++k) {
        const auto& site = sites[s.sites[k]];
        hubs.add_row({static_cast<std::int64_t>(k + 1), site.name, site.lon, site.lat, served_areas[k], served_demand[k],
                      within[k]});
    }
    return {hubs, alloc};
}

}  // namespace cohesion
