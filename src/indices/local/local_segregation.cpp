// Local segregation scores (local) and local divergence.
//
//   ls_i = Σ_m π_im ln(π_im / π_m),   p_i = t_i / T,   Σ_i p_i ls_i = M
//
// Each area's contribution to the mutual information index M: the divergence of its
// composition from the whole. Roberto's local divergence is the same quantity, so
// `local_divergence` is registered with the same computation under its own name.
// Sources: Mora, R. & Ruiz-Castillo, J. (2011). Entropy-based segregation indices.
// Sociological Methodology 41(1), 159–194 (R `segregation::mutual_local`, "ls" and "p");
// Roberto, E. (2016). The Divergence Index. arXiv:1508.01167.
#include "indices/local/local_shares.hpp"
#include "indices/registry.hpp"

namespace cohesion {
namespace {

LocalColumns local_segregation(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    LocalColumns out;
    out.names = {"ls", "p"};
    out.values.push_back(local_terms::local_segregation_scores(m));
    auto& p = out.values.emplace_back(m.units);
    for (std::size_t i = 0; i < m.units; ++i) p[i] = m.unit_totals[i] / m.grand_total;
    return out;
}

LocalColumns local_divergence(const IndexInput& in) {
    return LocalColumns{{"divergence"}, {local_terms::local_segregation_scores(in.counts)}};
}

const IndexRegistration segregation_registration{IndexDefinition{
    IndexInfo{.name = "local_segregation",
              .title = "Local segregation score",
              .description = "Each area's contribution to M: how far its composition diverges from the whole (ls), "
                             "and its population weight (p); sum of p * ls = M.",
              .formula = "ls_i = sum_m pi_im ln(pi_im / pi_m); p_i = t_i / T",
              .reference = "Mora, R. & Ruiz-Castillo, J. (2011). Entropy-based segregation indices. Sociological "
                           "Methodology 41(1), 159-194.",
              .library_name = "mutual_local",
              .groups = IndexGroups::multigroup,
              .output = IndexOutput::per_area},
    {},
    local_segregation}};

const IndexRegistration divergence_registration{IndexDefinition{
    IndexInfo{.name = "local_divergence",
              .title = "Local divergence",
              .description = "Relative entropy (Kullback-Leibler divergence) of each area's composition from the "
                             "overall one; equals the local segregation score.",
              .formula = "D_i = sum_m pi_im ln(pi_im / pi_m)",
              .reference = "Roberto, E. (2016). The Divergence Index: A Decomposable Measure of Segregation and "
                           "Inequality. arXiv:1508.01167.",
              .library_name = "",
              .groups = IndexGroups::multigroup,
              .output = IndexOutput::per_area},
    {},
    local_divergence}};

}  // namespace
}  // namespace cohesion
