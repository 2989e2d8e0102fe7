#pragma once
// Nelder–Mead simplex minimisation (Nelder & Mead 1965, The Computer Journal 7(4), 308–313;
// coefficients 1, 2, ½, ½ as in Lagarias et al. 1998, SIAM J. Optim. 9(1), 112–147).
//
// Why this and not a gradient method: the multilevel likelihood is optimised over 1–5
// relative variances, each evaluation is one O(units) pass, and derivative-free search is
// robust at the boundary (a level with no variance), where the model is parameterised by
// relative standard deviations t so that t = 0 is an interior point of an unconstrained
// search (the objective is even in each t). Restarted from its own optimum until a
// restart no longer improves, which guards against the simplex collapsing early.
#include <cstddef>
#include <functional>
#include <vector>

namespace cohesion {

struct NelderMeadResult {
    std::vector<double> x;
    double value = 0.0;
    std::size_t evaluations = 0;
    bool converged = false;
};

struct NelderMeadOptions {
    double initial_step = 0.5;        // simplex edge from the start point
    double value_tolerance = 1e-13;   // stop when max − min over the simplex is below this × (1 + |min|)
    double x_tolerance = 1e-9;        // ... and every vertex is within this of the best
    std::size_t max_evaluations = 20000;
    int restarts = 3;
};

NelderMeadResult nelder_mead(const std::function<double(const std::vector<double>&)>& f, std::vector<double> start,
                             const NelderMeadOptions& options = {});

}  // namespace cohesion
