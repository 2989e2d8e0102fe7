// Simpson's concentration (multigroup).
//
//   λ = Σ_m π_m²
//
// The chance that two people drawn at random from the town belong to the same group.
// Source: Simpson, E. H. (1949). Measurement of diversity. Nature 163, 688.
// Matches pysal `segregation` SimpsonsConcentration to 1e-9 relative on the Bedford reference.
#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double simpsons_concentration(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    double lambda = 0.0;
    for (double p : overall_shares(m)) lambda += p * p;
    return lambda;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "simpsons_concentration",
              .title = "Simpson's concentration",
              .description = "Probability that two people drawn at random belong to the same group.",
              .formula = "lambda = sum_m pi_m^2",
              .reference = "Simpson, E. H. (1949). Measurement of diversity. Nature 163, 688.",
              .library_name = "SimpsonsConcentration",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = 1.0},
    simpsons_concentration,
    {}}};

}  // namespace
}  // namespace cohesion
