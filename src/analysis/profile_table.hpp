#pragma once
// The segregation profile as one result table (`cohesion profile`, the Python package's
// `profile`): two-group and multigroup indices on local environments — kernel-weighted
// neighbourhoods of each area's centroid, each area counting itself fully (Reardon et al.
// 2008) — at several bandwidths, beside the aspatial value and contiguity neighbourhoods.
#include <string>
#include <vector>

#include "analysis/spatial_data.hpp"
#include "output/result_table.hpp"

namespace cohesion {

struct ProfileRequest {
    std::vector<double> distances{250, 500, 1000, 2000};  // bandwidths, metres
    std::string kernel = "triangular";
    bool contiguity = true;   // add the contiguity-neighbourhood scale (the SpatialData's weights)
    bool round = false;       // round smoothed counts to integers, as pysal segregation 2.5 does
    std::vector<std::string> focal;  // two-group focal groups; empty = every group
    std::vector<std::string> indices{"dissimilarity", "isolation", "multi_dissimilarity", "mutual_information",
                                     "information_theory"};
    std::string weights_rule = "queen";  // the name of the contiguity scale
};

// Columns: scale, index, focal, value.
ResultTable profile_table(const SpatialData& data, const ProfileRequest& request);

}  // namespace cohesion
