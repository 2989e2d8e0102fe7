#pragma once
// `cohesion project`: people by group per area for a future year, by one of three methods.
//   constant shares — each area keeps its 2021 composition (the "no change" baseline);
//   share trend     — 2011 → 2021 log-linear share change per area, shrunk towards the town's
//                     trend by empirical Bayes (simulation/share_trend.hpp);
//   model           — the calibrated residential-mobility model run on from 2021.
// Area totals: every area's 2021 total times the town's growth factor G, where G follows the
// observed 2011 → 2021 town growth (or a chosen yearly rate), so town totals follow the chosen
// growth and area totals are consistent across methods; the method decides the composition.
// Intervals: share trend — the trend re-estimated on Poisson redraws of both censuses (the
// sampling variation of the counts, the town's trend and the between-area variance), each
// area's shrunk rate widened to its empirical-Bayes posterior spread (add_shrinkage_noise:
// the shrinkage uncertainty a bootstrap of the estimator misses), projected from the redrawn
// 2021 counts; the spread is centred on the estimate. Model —
// percentiles over seeded replicate runs, each with one of the calibration's bootstrap parameter
// sets when given (simulation noise + parameter uncertainty), else simulation noise only.
// Constant shares — none (an assumption). No interval includes the uncertainty of whether the
// past trend or the model's mechanism holds in future (docs/simulation.md).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "simulation/residential_model.hpp"
#include "simulation/town.hpp"

namespace cohesion {

enum class ProjectionMethod { constant_shares, share_trend, model };
ProjectionMethod parse_projection_method(const std::string& text);
std::string to_string(ProjectionMethod method);

struct ProjectionOptions {
    int year = 2031;
    std::optional<double> annual_growth;  // e.g. 0.01 = +1%/year; default: observed 2011 → 2021
    std::size_t replicates = 100;
    std::uint64_t seed = 20210321;        // Census day 2021
    double level = 0.90;
    ModelParameters parameters;           // model only (empty share = neutral)
    // Model only: the calibration's parameter sets (bootstrap draws). When given, each replicate
    // runs with one draw (chosen by seed and replicate), so the band carries parameter
    // uncertainty as well as simulation noise; empty = the point estimate for every run.
    std::vector<ModelParameters> parameter_draws;
    std::function<void(std::size_t, std::size_t)> progress;
};

struct Projection {
    ProjectionMethod method = ProjectionMethod::constant_shares;
    int from_year = 2021, year = 2031;
    std::vector<std::string> codes, groups;
    std::vector<double> people, low, high;  // [g * areas + i]
    std::vector<double> start;              // the later census, same layout
    double growth_factor = 1.0;
    std::vector<std::string> notes;
    std::size_t areas() const { return codes.size(); }
};

Projection project(const Town& town, ProjectionMethod method, const ProjectionOptions& options);

}  // namespace cohesion
