// Simpson's interaction (multigroup).
//
//   I = Σ_m π_m (1 − π_m) = 1 − λ
//
// The chance that two people drawn at random belong to different groups.
// Source: Simpson, E. H. (1949). Measurement of diversity. Nature 163, 688.
// Matches pysal `segregation` SimpsonsInteraction to 1e-9 relative on the Bedford reference.
#include "indices/multigroup/multigroup_terms.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

double simpsons_interaction(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    using namespace multigroup_terms;
    return interaction(overall_shares(m));
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "simpsons_interaction",
              .title = "Simpson's interaction",
              .description = "Probability that two people drawn at random belong to different groups.",
              .formula = "I = sum_m pi_m (1 - pi_m)",
              .reference = "Simpson, E. H. (1949). Measurement of diversity. Nature 163, 688.",
              .library_name = "SimpsonsInteraction",
              .groups = IndexGroups::multigroup,
              .min_value = 0.0,
              .max_value = 1.0},
    simpsons_interaction,
    {}}};

}  // namespace
}  // namespace cohesion
