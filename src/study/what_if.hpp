#pragma once
// "What if": a town's scenarios run against the baseline by the residential-mobility model
// (simulation/scenario.hpp: common random numbers, bands = 5th–95th percentiles across
// seeded replicate runs), with the display tables and the plain-words sentences the report,
// `cohesion run`, `cohesion simulate` and the HTTP scenario jobs share — one library call
// for every front end, so the API's JSON is the CLI's (tests/server/endpoint_twins_test.cpp).
//
// Honesty: the model does not beat the town-trend baseline out of sample and its baseline
// mixes too fast (docs/simulation.md, "Reading the validation honestly"), so the sentences
// state model projections under assumptions, lead with differences between scenarios and
// the baseline, and call a difference inside the run-to-run range what it is.
#include <cstdint>
#include <functional>
#include <map>
#include <stop_token>
#include <string>
#include <vector>

#include "output/result_table.hpp"
#include "simulation/scenario.hpp"
#include "simulation/town.hpp"

namespace cohesion {

struct WhatIfRequest {
    int years = 10;
    bool from_later = true;                // start at the later census (2021); false: backcast from 2011
    std::size_t replicates = 8;
    std::uint64_t seed = 20210321;
    MovingRates rates;
    double arrivals_near_group = 0.5;
    std::size_t top = 10;                  // areas listed per scenario among those that change most
    // (done, total) in replicate runs, after each scenario's runs; may be empty.
    std::function<void(std::size_t, std::size_t)> progress;
    std::stop_token stop;                  // checked between scenarios: throws Cancelled
};

struct WhatIf {
    std::string town;
    ScenarioComparison comparison;         // outcomes[0] = baseline
    std::vector<std::string> notes;        // parameters and moving rates (assumptions)
};

// Runs the baseline and every scenario (all of them: `only` empty; else just the named one,
// Error when no scenario has that name). Throws Cancelled when `request.stop` is requested.
WhatIf run_what_if(const Town& town, const ModelParameters& parameters, const std::vector<ScenarioSpec>& scenarios,
                   const WhatIfRequest& request, std::vector<std::string> parameter_notes = {},
                   const std::string& only = "");

// The scenario with this name, or Error listing the names there are.
const ScenarioSpec& find_scenario(const std::vector<ScenarioSpec>& scenarios, const std::string& name);

// Trajectories, end states and the areas that change most (simulation_tables.hpp), with the notes.
std::vector<ResultTable> what_if_tables(const WhatIf& what_if, std::size_t top = 10);

// The report's paragraphs: what the projections are and are not, the baseline's dissimilarity
// per group at the end year with its range, each scenario against the baseline, and the areas
// that change most.
// `place_of`: a place name per area code (e.g. the ward an LSOA lies in), for the areas named.
std::vector<std::string> what_if_sentences(const WhatIf& what_if,
                                           const std::map<std::string, std::string>& place_of = {});

// The trajectory of `index` (e.g. "D: Asian") in one outcome, or null.
const IndexTrajectory* trajectory(const ScenarioOutcome& outcome, const std::string& index);

// The index the report and dashboard chart by default: dissimilarity of the group (other than
// the largest) whose end-year value differs most between a scenario and the baseline.
std::string headline_index(const ScenarioComparison& comparison);

}  // namespace cohesion
