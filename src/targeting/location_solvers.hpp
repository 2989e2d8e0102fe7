#pragma once
#include <cmath>
// The two solvers behind solve_location (facility_location.hpp). Each returns the chosen
// sites and its own bookkeeping (solver name, optimality, gap, passes); solve_location
// then allocates demand and fills the distance and coverage statistics the same way
// for both, so their outputs compare like for like.
#include "targeting/coverage.hpp"
#include "targeting/facility_location.hpp"

namespace cohesion {

// sqrt(dx² + dy²), not std::hypot: metre coordinates cannot overflow, and hypot's care
// for it costs several times more in the n × m inner loops.
inline double distance_between(const Point2& a, const Point2& b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return std::sqrt(dx * dx + dy * dy);
}

// Counts the stages of LocationOptions::progress (facility_location.hpp): 1, 2, ..., total.
class SolverStages {
public:
    SolverStages(const LocationProgress& progress, std::size_t total) : progress_(progress), total_(total) {}
    void next() {
        if (progress_) progress_(++done_, total_);
    }

private:
    const LocationProgress& progress_;
    std::size_t total_, done_ = 0;
};

LocationSolution solve_exact_cbc(const LocationProblem& problem, const Coverage& coverage,
                                 const LocationOptions& options, SolverStages& stages);
LocationSolution solve_heuristic(const LocationProblem& problem, const Coverage& coverage,
                                 const LocationOptions& options, SolverStages& stages);

}  // namespace cohesion
