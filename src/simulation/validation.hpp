#pragma once
// Backcast validation: start each town in 2011, run 10 years, compare with the 2021 census
// per area (mean absolute error of group shares) and on the indices (D and isolation of each
// group vs the rest, multigroup M), against two naive baselines:
//   no change   — every area keeps its 2011 shares;
//   town trend  — every area's 2011 shares move with the town's 2011 → 2021 change for each
//                 group, s_ig ∝ s_ig(2011) · S_g(2021)/S_g(2011). This is the share-trend
//                 projection fully shrunk to the town trend: the per-area trend cannot be
//                 backcast without a 2001 census on the same areas, so this is the trend
//                 baseline that can be tested honestly.
// Every method's shares are put on the actual 2021 area totals before computing indices, so
// the index errors compare compositions only. The model also knows the 2021 town group totals
// (as growth) and 2021 households (as capacity) — so does the town-trend baseline.
#include <cstdint>
#include <string>
#include <vector>

#include "simulation/outcome_measures.hpp"
#include "simulation/residential_model.hpp"
#include "simulation/town.hpp"

namespace cohesion {

struct MethodScore {
    std::string method;            // "no change", "town trend", "model"
    double share_mae = 0.0;        // mean over areas × groups of |share − actual share|
    IndexValues indices;           // mean over replicates (model), else exact
    std::vector<double> dissimilarity_error, isolation_error;  // per group, predicted − actual
    double mutual_information_error = 0.0;
};

struct TownValidation {
    std::string town;
    std::size_t areas = 0;
    bool used_in_calibration = false;
    std::vector<std::string> groups;
    IndexValues actual;
    std::vector<MethodScore> methods;  // no change, town trend, model
};

TownValidation validate_town(const Town& town, const ModelParameters& parameters, std::size_t replicates,
                             std::uint64_t seed, bool used_in_calibration);

}  // namespace cohesion
