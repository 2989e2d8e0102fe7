// Local diversity (entropy) of each area's composition (local).
//
//   E_i = −Σ_m π_im ln π_im,   normalised: E_i / ln K
//
// How mixed each area is: 0 when everyone belongs to one group, ln K when all K groups
// are equally present.
// Source: Theil, H. (1972). Statistical Decomposition Analysis. North-Holland; White, M. J.
// (1986). Segregation and diversity measures in population distribution. Population
// Index 52(2), 198–221.
#include <cmath>

#include "indices/registry.hpp"

namespace cohesion {
namespace {

LocalColumns local_entropy(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    LocalColumns out;
    out.names = {"entropy", "entropy_normalized"};
    out.values.assign(2, std::vector<double>(m.units, 0.0));
    for (std::size_t g = 0; g < m.groups; ++g)
        for (std::size_t i = 0; i < m.units; ++i) {
            const double share = m.at(i, g) / m.unit_totals[i];
            if (share > 0.0) out.values[0][i] -= share * std::log(share);
        }
    const double max_entropy = std::log(static_cast<double>(m.groups));
    for (std::size_t i = 0; i < m.units; ++i) out.values[1][i] = out.values[0][i] / max_entropy;
    return out;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "local_entropy",
              .title = "Local diversity (entropy)",
              .description = "How mixed each area is: entropy of its group shares (nats), and scaled to [0, 1].",
              .formula = "E_i = -sum_m pi_im ln pi_im; E_i / ln K",
              .reference = "Theil, H. (1972). Statistical Decomposition Analysis. North-Holland.",
              .library_name = "",
              .groups = IndexGroups::multigroup,
              .output = IndexOutput::per_area},
    {},
    local_entropy}};

}  // namespace
}  // namespace cohesion
