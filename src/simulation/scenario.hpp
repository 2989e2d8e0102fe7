#pragma once
// Scenarios ("what if"): named sets of levers, declared by area code or by a point, resolved
// against a town's areas, then run against the baseline with the same seeds (common random
// numbers), so the difference between a scenario and the baseline comes from the levers, not
// from luck. A point picks the area with the nearest centroid (development) or every area
// whose centroid lies within the radius (mobility) — an approximation of polygon membership.
// The mobility lever is an explicit assumption about behaviour, never evidence of an effect.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "simulation/outcome_measures.hpp"
#include "simulation/residential_model.hpp"

namespace cohesion {

struct PointSpec {
    double x_m = 0, y_m = 0;  // British National Grid (EPSG:27700) metres, like the centroids
};

struct DevelopmentSpec {
    std::string area;                 // LSOA code, or
    std::optional<PointSpec> point;   // the area with the nearest centroid
    double dwellings = 0;
    double private_rented = 0, social_rented = 0;  // shares of the new dwellings
    int year = 0;                     // calendar year first occupied
};
struct TenureChangeSpec {
    std::vector<std::string> areas;   // empty = every area
    double fraction = 0;              // of private-rented dwellings turned social
    int year = 0;
};
struct MobilitySpec {
    std::string group;
    std::vector<std::string> areas;
    std::optional<PointSpec> point;
    double radius_m = 1000;
    double multiplier = 1;            // on the group's yearly moving rate
    int year = 0;
};
struct ScenarioSpec {
    std::string name;
    std::string assumption;           // the user's words for why, carried to the output
    std::vector<DevelopmentSpec> developments;
    std::vector<TenureChangeSpec> tenure_changes;
    std::vector<MobilitySpec> mobility;
};

// Levers with area indices and year offsets from setup.first_year; throws Error naming an
// unknown area code or group, a share outside 0..1, a year outside the run.
Levers resolve_levers(const ScenarioSpec& spec, const SimulationSetup& setup);

struct IndexTrajectory {
    std::string index;               // e.g. "D: Asian", "isolation: Black", "M"
    std::vector<int> years;
    std::vector<double> mean, low, high;  // across replicates
};

struct ScenarioOutcome {
    std::string name;
    std::vector<std::string> assumptions;
    std::vector<IndexTrajectory> trajectories;
    std::vector<double> end_shares;  // mean over replicates, [g * areas + i]
    std::vector<double> end_households;  // mean, [g * areas + i]
    double moves_per_year = 0, arrivals = 0, departures = 0, unhoused = 0;
};

struct ScenarioComparison {
    std::vector<std::string> codes, groups;
    int first_year = 0, years = 0;
    std::size_t replicates = 0;
    std::uint64_t seed = 0;
    std::vector<ScenarioOutcome> outcomes;  // [0] = baseline
};

ScenarioComparison compare_scenarios(const SimulationSetup& baseline, const ModelParameters& parameters,
                                     const std::vector<ScenarioSpec>& scenarios, std::size_t replicates,
                                     std::uint64_t seed, double level = 0.90,
                                     const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace cohesion
