#pragma once
// The residential-mobility model: households of K groups on the real areas of a town,
// moving each year into vacant dwellings chosen by a multinomial logit.
//
// State is a count matrix (households per area × group) plus dwellings per area — no
// per-household objects — so one year costs O(movers · log n + pairs · n) where pairs are
// the (group, origin) combinations that have movers. Each year:
//   1. capacity and tenure for the year (base stock, developments and tenure changes so far);
//   2. group totals follow their observed yearly growth: a shrinking group loses households
//      at random (departures, deaths), a growing group adds arrivals (births, in-migrants);
//   3. movers: Binomial(n_ig, rate_i · multiplier_gi) with rate_i the tenure-weighted moving
//      rate (owner / social / private rented, English Housing Survey order of magnitude),
//      plus everyone who no longer fits when capacity falls;
//   4. each mover (in a seeded random order) picks destination j with probability
//        P(j | g, o) ∝ v_j · exp(β_g · ln((s_gj + ε)/(S_g + ε)) + β_pr · pr_j + β_d · d_oj)
//      where v_j are the vacancies at the start of the allocation (the log-vacancy term of
//      McFadden's sampling-of-alternatives logit with coefficient 1: each vacant dwelling is
//      one alternative), s_gj the group's share in j's neighbourhood (row-standardised queen
//      weights including j itself) and S_g its share of the town, so the term is the log
//      location quotient (ε = 0.005): β_g = 0 ignores where the group lives, β_g = 1 follows
//      the group's current pattern, β_g > 1 concentrates it, whatever the group's size; pr_j the private-rented share of j's dwellings, d_oj the
//      distance in km between centroids (arrivals from outside: no distance term; new
//      households formed in the town: from an area drawn where their group lives). A full destination is redrawn (up to
//      64 times, then the next area with a vacancy), so capacity is never exceeded;
//   5. social-housing allocation rules (mixing quotas), where a scenario sets one: in a rule's
//      areas the year's social lettings are the area's vacancies times the share of its moves
//      out that leave social homes (social share × social moving rate / the area's rate). A
//      mover whose draw lands on such a letting applies for it (the dwelling is held); once
//      every mover has drawn, each area lets its social homes to the largest number A of its
//      applicants (taken in their random order) such that no group g has more than
//      ⌊max_share_g · A⌋ of them — so no group's share among the new social tenants exceeds
//      its maximum. Refused applicants choose again among the other vacancies (same logit);
//      lettings nobody could take under the quota stay empty that year (counted). A refused
//      household from a home that finds no other vacancy takes the dwelling of the year's last
//      housed arrival, who is then counted as not housed (movers before arrivals, as always).
// Households are conserved exactly: start + arrivals − departures = end (tests check it).
// Replicate r draws only from replicate_engine(seed, r), so results never depend on threads.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "weights/weights.hpp"

namespace cohesion {

// Yearly probability of moving by tenure. Defaults: English Housing Survey 2019-20 orders of
// magnitude (recent movers within a year: about 4% of owner occupiers, 8% of social renters,
// 25-30% of private renters); an assumption the user can change, documented in docs/simulation.md.
struct MovingRates {
    double owner = 0.05;
    double social = 0.08;
    double private_rented = 0.27;
};

// Preference parameters of the destination logit.
struct ModelParameters {
    std::vector<double> share;     // β_g per group: on the log location quotient of the group in the neighbourhood
    double private_rented = 0.0;   // β_pr: utility per unit private-rented share of the destination
    double distance_per_km = -0.1; // β_d: utility per km from the previous home (arrivals: none)
};

// Levers. A development adds dwellings to an area from a year; a tenure change moves a
// fraction of an area's private-rented dwellings into social renting (licensing/acquisition);
// a mobility change multiplies one group's moving rate in some areas (a hub, a service:
// an explicit assumption, never evidence); an allocation rule caps each group's share of the
// social lettings in some areas (a mixing quota or, with one maximum per group, a target mix).
struct Development {
    std::size_t area = 0;
    double dwellings = 0.0;
    double private_share = 0.0, social_share = 0.0;  // rest owner occupied
    int year_offset = 0;                              // years after the start when occupied
};
struct TenureChange {
    std::vector<std::size_t> areas;
    double fraction = 0.0;  // of private-rented dwellings turned social
    int year_offset = 0;
};
struct MobilityChange {
    std::size_t group = 0;
    std::vector<std::size_t> areas;
    double multiplier = 1.0;
    int year_offset = 0;
};
struct AllocationRule {
    std::vector<std::size_t> areas;
    std::vector<double> max_share;  // per group, 0..1 (1 = no limit); the quota on new social tenants
    int year_offset = 0;
};
struct Levers {
    std::vector<Development> developments;
    std::vector<TenureChange> tenure_changes;
    std::vector<MobilityChange> mobility_changes;
    std::vector<AllocationRule> allocation_rules;
    bool empty() const {
        return developments.empty() && tenure_changes.empty() && mobility_changes.empty() && allocation_rules.empty();
    }
};

struct SimulationSetup {
    std::vector<std::string> area_codes;
    std::vector<std::string> group_names;
    std::vector<std::int64_t> start;               // households, [g * areas + i]
    std::vector<double> capacity_start, capacity_end;  // dwellings per area; linear in between
    std::vector<double> private_share, social_share;   // of each area's dwellings
    std::vector<double> x_km, y_km;                    // centroids
    Weights neighbourhood;                             // row-standardised, each area its own neighbour
    std::vector<double> group_growth;                  // yearly factor per group (1.02 = +2%/year)
    int years = 10;
    int first_year = 2011;
    MovingRates rates;
    // Share of each group's new households (births, family formation, chain migration) that
    // form near the group's existing households: their "previous home" is an area drawn in
    // proportion to the group's households there, so the distance term applies; the rest
    // arrive from outside the town with no distance term. An assumption (docs/simulation.md).
    double arrivals_near_group = 0.5;
    Levers levers;
    std::size_t areas() const { return area_codes.size(); }
    std::size_t groups() const { return group_names.size(); }
};

struct RunResult {
    std::vector<std::vector<std::int64_t>> counts;  // years + 1 snapshots, each [g * areas + i]
    std::int64_t moves = 0, arrivals = 0, departures = 0;
    std::int64_t fallback_placements = 0;  // movers placed in the next free area after 64 rejections
    std::int64_t unhoused = 0;             // arrivals beyond total capacity (not added)
    // Allocation rules only (empty without one): social lettings made in the rules' areas,
    // one vector per simulated year, [g * areas + i]; applicants refused by a quota (they
    // chose again elsewhere); lettings left empty because the quota allowed no applicant.
    std::vector<std::vector<std::int64_t>> quota_lettings;
    std::int64_t quota_refusals = 0, lettings_left_empty = 0;
};

// Checks the setup (sizes, non-negative counts, capacity ≥ households) and throws Error naming the field.
void validate_setup(const SimulationSetup& setup, const ModelParameters& parameters);

// One replicate run; deterministic in (seed, replicate).
RunResult simulate_run(const SimulationSetup& setup, const ModelParameters& parameters, std::uint64_t seed,
                       std::uint64_t replicate, bool keep_every_year = true);

// Replicates r = first .. first + count − 1 over TBB; identical for any number of threads.
std::vector<RunResult> simulate_replicates(const SimulationSetup& setup, const ModelParameters& parameters,
                                           std::uint64_t seed, std::size_t count, std::size_t first = 0,
                                           bool keep_every_year = true);

// Replicates r = first .. first + count − 1, replicate r run with parameters_of(r) (e.g. one
// draw of the calibration's parameter distribution per replicate); identical for any number of threads.
std::vector<RunResult> simulate_replicates(const SimulationSetup& setup,
                                           const std::function<const ModelParameters&(std::uint64_t)>& parameters_of,
                                           std::uint64_t seed, std::size_t count, std::size_t first = 0,
                                           bool keep_every_year = true);

}  // namespace cohesion
