// Divergence index (multigroup).
//
//   D = Σ_i (t_i / T) Σ_m π_im ln(π_im / π_m)
//
// The population-weighted Kullback–Leibler divergence of each unit's composition from
// the town's: how surprising the local composition is. Algebraically equal to M; kept
// under its own name because users of Roberto's measure look for it.
// Source: Roberto, E. (2016). The Divergence Index: A Decomposable Measure of Segregation and Inequality. arXiv:1508.01167.
// Matches pysal `segregation` MultiDivergence to 1e-9 relative on the Bedford reference.
#include <limits>

#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double divergence(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    return mutual_information(m);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "divergence",
              .title = "Divergence index",
              .description = "Population-weighted divergence (relative entropy) of each area's composition from the overall one.",
              .formula = "D = sum_i (t_i/T) sum_m pi_im ln(pi_im / pi_m)",
              .reference = "Roberto, E. (2016). The Divergence Index: A Decomposable Measure of Segregation and Inequality. arXiv:1508.01167.",
              .library_name = "MultiDivergence",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = std::numeric_limits<double>::infinity()},
    divergence,
    {}}};

}  // namespace
}  // namespace cohesion
