#pragma once
// Facility location for integration hubs: where to put p hubs so the people who need
// them are near one.
//
// - p-median (Hakimi 1964; ReVelle & Swain 1970): choose p sites minimising the
//   demand-weighted distance from each demand point to its nearest chosen site.
// - Maximal covering (Church & ReVelle 1974, "The maximal covering location problem"):
//   choose p sites maximising the demand within distance S of a chosen site.
// - Set covering (Toregas, Swain, ReVelle & Bergman 1971): the fewest sites such that
//   every demand point with demand > 0 is within S of one.
//
// Two solvers: exact integer programming with COIN-OR CBC (reports proven optimality
// and the gap), and a heuristic for large instances — greedy construction then vertex
// substitution (Teitz & Bart 1968) until no single swap improves. Distances are
// Euclidean in a projected CRS (metres), computed on the fly, so memory is O(n + m)
// for the heuristic; the exact p-median needs n × m assignment variables and is refused
// above `max_exact_variables`.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/point2.hpp"

namespace cohesion {

enum class LocationModel { p_median, maximal_covering, set_covering };
enum class LocationSolver { exact, heuristic };
LocationModel parse_location_model(const std::string& text);
std::string to_string(LocationModel model);

struct LocationProblem {
    std::vector<Point2> demand;
    std::vector<double> weight;     // demand per point (people), >= 0
    std::vector<Point2> candidates;
    LocationModel model = LocationModel::p_median;
    std::size_t p = 1;              // hubs (p-median, maximal covering)
    double service_distance = 800;  // metres (covering models)
};

// Progress of solve_location, counted in solver stages (1, 2, ..., total in order; the
// total is known before the first call):
//   - covering models: finding which candidates reach which points (1 stage);
//   - exact (CBC): the model built, the model solved (2 stages). CBC's branch and bound
//     has no known total, so nothing finer is counted;
//   - heuristic p-median and maximal covering: each of the p greedy openings, then the
//     vertex substitution as one stage (p + 1): its swap passes run until none improves,
//     so their number is not known ahead;
//   - heuristic set covering: the greedy cover with redundant sites dropped, then the
//     pairwise merges (2 stages);
//   - every model: each point allocated to its nearest chosen site (1 stage).
// A fallback from CBC to the heuristic (hub_siting) starts a new count at 1.
using LocationProgress = std::function<void(std::size_t done, std::size_t total)>;

struct LocationOptions {
    LocationSolver solver = LocationSolver::exact;
    double time_limit_seconds = 60.0;
    std::size_t max_exact_variables = 400000;
    LocationProgress progress;  // may be empty
};

// The exact solver stopped at its time limit without any feasible solution (a loaded
// machine, or too large a model): callers may fall back to the heuristic.
class NoSolutionInTime : public Error {
public:
    using Error::Error;
};

struct LocationSolution {
    std::vector<std::size_t> sites;       // chosen candidate indices, ascending
    std::vector<std::size_t> allocation;  // per demand point: its nearest chosen site (candidate index)
    std::vector<double> distance;         // per demand point: distance to it
    double objective = 0.0;               // p-median: Σ w d; covering: covered demand; set cover: sites
    double covered_demand = 0.0;          // within service_distance
    double total_demand = 0.0;
    double mean_distance = 0.0;           // demand-weighted
    double max_distance = 0.0;            // over points with demand > 0
    std::string solver;                   // "CBC" or "greedy + vertex substitution"
    bool proven_optimal = false;
    double gap = 0.0;                     // relative, exact solver only
    std::size_t iterations = 0;           // heuristic swap passes
};

// Throws Error for empty inputs, p > candidates, negative demand, or (set covering) a
// demand point no candidate reaches within the distance (naming how many).
LocationSolution solve_location(const LocationProblem& problem, const LocationOptions& options = {});

}  // namespace cohesion
