#pragma once
// Local environments: each unit's counts replaced by a weighted sum over the units
// around it, c̃_im = Σ_j w_ij c_jm (w from a kernel at a bandwidth, or contiguity
// including self). Any aspatial index computed on the smoothed matrix is its
// "spatially weighted" version; doing so at several bandwidths gives a segregation
// profile across scales.
// Source: Reardon, S. F., Matthews, S. A., O'Sullivan, D., Lee, B. A., Firebaugh, G.,
// Farrell, C. R. & Bischoff, K. (2008). The geographic scale of metropolitan racial
// segregation. Demography 45(3), 489–514. pysal `segregation` calls these
// "spatially implicit" indices and rounds smoothed counts to integers; that is offered
// as `round_to_integers` for comparison, not as the default (rounding discards people).
#include "core/count_matrix.hpp"
#include "weights/weights.hpp"

namespace cohesion {

struct LocalEnvironmentOptions {
    bool round_to_integers = false;  // pysal 2.5 behaviour
};

// `w` must have one row per unit of `counts`, in the same order.
CountMatrix local_environment(const CountMatrix& counts, const Weights& w, const LocalEnvironmentOptions& options = {});

}  // namespace cohesion
