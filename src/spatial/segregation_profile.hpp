#pragma once
// Segregation profiles: an aspatial index computed on local environments at several
// scales (kernel bandwidths, or contiguity), showing at which geographic scale a town
// is segregated — Reardon et al. (2008)'s "segregation profile".
#include <string>
#include <vector>

#include "core/count_matrix.hpp"
#include "indices/index.hpp"
#include "spatial/local_environment.hpp"
#include "weights/weights.hpp"

namespace cohesion {

struct ProfileScale {
    std::string label;  // e.g. "500 m" or "queen"
    Weights weights;    // including the area itself
};

struct ProfilePoint {
    std::string scale;
    std::string index;
    double value;
};

std::vector<ProfilePoint> segregation_profile(const CountMatrix& counts, const std::vector<const IndexDefinition*>& indices,
                                              const std::vector<ProfileScale>& scales,
                                              const LocalEnvironmentOptions& options = {});

}  // namespace cohesion
