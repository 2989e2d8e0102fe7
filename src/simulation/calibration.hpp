#pragma once
// Calibration of the destination-choice preferences by simulated method of moments.
//
// The moments are every area's group shares at the end of a backcast (2011 start, 10 years);
// the objective is their mean absolute error against the 2021 census,
//   L(θ) = (1/nK) Σ_i Σ_g |ŝ_ig(θ) − s_ig|,  ŝ = mean over R replicate runs,
// with common random numbers (the same seeds for every θ) so that differences in L reflect θ,
// not simulation noise (McFadden 1989; Pakes & Pollard 1989 for SMM). θ = (β_g for each group,
// β_pr, β_d) is found by coordinate descent over a coarse grid, then a finer grid round the
// optimum.
//
// Intervals: the objective is a mean over areas, so its sampling uncertainty is estimated by
// resampling areas (a nonparametric bootstrap of the moment conditions). For each parameter the
// profile L(θ_p = v, others at the optimum) is evaluated on a grid; each bootstrap replicate
// resamples areas, recomputes the profile from the stored per-area errors and records its
// minimiser; the interval is the 5th–95th percentile of those minimisers (limited to the grid,
// which is said when an end is reached). It reflects which values fit the areas about equally
// well, not the uncertainty from model misspecification.
//
// Parameter draws: resample b gives one parameter set, each parameter at its profile minimiser
// on that resample (the others' optimum fixed, the same resampled areas for every parameter so
// draws keep the parameters' joint variation across resamples). Projections draw one set per
// replicate run (parameter_draw), so their intervals carry parameter uncertainty as well as
// simulation noise — an approximation to re-fitting on each resample, which would cost one
// calibration per resample.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "simulation/residential_model.hpp"

namespace cohesion {

struct CalibrationOptions {
    std::size_t replicates = 6;
    std::uint64_t seed = 20110327;  // Census day 2011
    std::size_t bootstrap = 400;
    bool refine = true;  // the finer grid round the optimum (4 more points per parameter)
    double level = 0.90;
    std::vector<double> share_grid{-1, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3};
    std::vector<double> private_grid{-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3};
    std::vector<double> distance_grid{-1.0, -0.6, -0.4, -0.25, -0.15, -0.1, -0.05, 0.0};
    std::function<void(std::size_t done, std::size_t total)> progress;  // optional
};

struct ParameterEstimate {
    std::string name;     // e.g. "share: Asian", "private rented", "distance per km"
    double value = 0.0;
    double low = 0.0, high = 0.0;
    bool at_grid_edge = false;  // the interval reached an end of the grid searched
};

struct CalibrationResult {
    ModelParameters parameters;
    std::vector<ParameterEstimate> estimates;
    double loss = 0.0;             // MAE of area shares at the optimum (backcast)
    double loss_no_change = 0.0;   // MAE of the 2011 shares kept unchanged
    double loss_no_preference = 0.0;  // MAE with every β = 0 (vacancies and distance only)
    double change_correlation = 0.0;  // correlation of simulated and actual share changes (areas × groups)
    std::size_t evaluations = 0;
    std::size_t replicates = 0;
    std::vector<std::string> notes;
    std::vector<ModelParameters> draws;  // one per bootstrap resample (see the header comment)
};

// `observed_end`: people (or households) by group at the end year, [g * areas + i].
CalibrationResult calibrate(const SimulationSetup& setup, const std::vector<double>& observed_end,
                            const CalibrationOptions& options = {});

// Mean over replicates of the end-year households, [g * areas + i].
std::vector<double> mean_end_counts(const SimulationSetup& setup, const ModelParameters& parameters,
                                    std::uint64_t seed, std::size_t replicates);

// The parameter set replicate `replicate` uses: one of `draws`, chosen by (seed, replicate) only,
// so any replicate can be run alone. Throws Error when draws is empty.
const ModelParameters& parameter_draw(const std::vector<ModelParameters>& draws, std::uint64_t seed,
                                      std::uint64_t replicate);

// Defaults when nothing is calibrated: no share preference, no tenure term, β_d = −0.1/km.
ModelParameters neutral_parameters(std::size_t groups);

}  // namespace cohesion
