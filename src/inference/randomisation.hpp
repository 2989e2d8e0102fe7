#pragma once
// Randomisation test: the distribution of an index when people are allocated to areas
// at random, keeping every area's size and every group's size (both margins fixed) —
// what R `segregation::mutual_expected(fixed_margins = TRUE)` simulates for M. Small
// areas make indices positive even without segregation; the expected value shows how
// much, and the p-value says whether the observed index exceeds it.
#include <cstdint>
#include <vector>

#include "inference/bootstrap.hpp"

namespace cohesion {

struct RandomisationOptions {
    int replicates = 100;
    std::uint64_t seed = 20170601;
    ProgressCallback progress;
    std::stop_token stop;  // a stop request throws Cancelled between replicates
};

struct RandomisationResult {
    double observed = 0.0;
    double expected = 0.0;    // mean under random allocation
    double standard_deviation = 0.0;
    double p_value = 0.0;     // (1 + #{replicate ≥ observed}) / (1 + replicates), one-sided
    std::vector<double> replicates;
};

RandomisationResult randomisation_test(const IndexDefinition& index, const CountMatrix& counts,
                                       const IndexParams& params, const RandomisationOptions& options);

// The one place randomisation replicates become expected value, spread and p-value.
RandomisationResult summarise_randomisation(double observed, std::vector<double> replicates);

void check_randomisation_options(int replicates);

}  // namespace cohesion
