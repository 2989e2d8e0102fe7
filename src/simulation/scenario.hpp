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
// A social-housing allocation rule (mixing quota): in the areas (codes, or centroids within
// radius of a point; neither = every area) from a year, no group's share among an area's new
// social tenants in a year exceeds max_share, or its own maximum in max_share_by_group (a
// target mix: groups not listed keep max_share).
struct AllocationSpec {
    std::vector<std::string> areas;
    std::optional<PointSpec> point;
    double radius_m = 1000;
    double max_share = 1;
    std::vector<std::pair<std::string, double>> max_share_by_group;
    int year = 0;
};
struct ScenarioSpec {
    std::string name;
    std::string assumption;           // the user's words for why, carried to the output
    std::vector<DevelopmentSpec> developments;
    std::vector<TenureChangeSpec> tenure_changes;
    std::vector<MobilitySpec> mobility;
    std::vector<AllocationSpec> allocations;
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
    // Allocation rules (means over replicates, whole run): social lettings made under the
    // quota, applicants refused by it, lettings it left empty; and the largest share any group
    // took of an area's lettings in a year (in any replicate), to show the quota held.
    double quota_lettings = 0, quota_refusals = 0, lettings_left_empty = 0, largest_quota_share = 0;
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

// compare_scenarios in parts, so runs computed elsewhere (the work units of a sweep over MPI
// ranks) are summarised exactly as compare_scenarios does:
// the setups it runs ([0] = baseline, then each scenario's levers added; throws on a bad scenario),
std::vector<SimulationSetup> scenario_setups(const SimulationSetup& baseline, const std::vector<ScenarioSpec>& scenarios);
// one setup's replicate runs (in replicate order) summarised (trajectories with bands, end state),
ScenarioOutcome summarise_runs(const SimulationSetup& setup, const std::vector<RunResult>& runs, double level = 0.90);
// an empty comparison for the baseline, and the next outcome added with its scenario's name.
ScenarioComparison comparison_header(const SimulationSetup& baseline, std::size_t replicates, std::uint64_t seed);
void add_outcome(ScenarioComparison& comparison, const std::vector<ScenarioSpec>& scenarios, ScenarioOutcome outcome);

}  // namespace cohesion
