// Absolute clustering (spatial, two-group).
//
//   ACL = [Σ_i (x_i/X) Σ_j c_ij x_j − (X/n²) Σ_ij c_ij] / [Σ_i (x_i/X) Σ_j c_ij t_j − (X/n²) Σ_ij c_ij]
//
// Average number of group members near each group member, relative to the most there
// could be, net of what an even spread over the n areas would give.
// Proximity: see proximity_terms.hpp (exp(−d), d in km by default).
// Source: Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social Forces 67(2), 281-315.
// pysal 2.5's AbsoluteClustering normalises its distance matrix by the wrong row sum (see
// ../shared/reference/bedford2011_spatial.json), so this implements the published formula;
// with IndexParams::proximity_unit_m = 1 it uses pysal's metre-based exp(−d) matrix.
#include "indices/registry.hpp"
#include "indices/spatial/proximity_terms.hpp"

namespace cohesion {
namespace {

double absolute_clustering(const IndexInput& in) {
    using namespace spatial_terms;
    const CountMatrix& m = in.counts;
    const ProximitySums s = proximity_sums(m, geometry(in, "absolute_clustering"), in.params.proximity_unit_m, "absolute_clustering");
    const double X = m.group_totals[0], Y = m.group_totals[1], T = m.grand_total;
    (void)Y;
    (void)T;
    const double n = static_cast<double>(m.units);
    double near_group = 0.0, near_all = 0.0, all = 0.0;
    for (std::size_t i = 0; i < m.units; ++i) {
        near_group += m.at(i, 0) / X * s.cx[i];
        near_all += m.at(i, 0) / X * s.ct[i];
        all += s.c1[i];
    }
    const double even = X / (n * n) * all;
    return (near_group - even) / (near_all - even);
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "absolute_clustering",
              .title = "Absolute clustering",
              .description = "How much group members live near each other beyond an even spread, relative to the maximum.",
              .formula = "ACL = (sum_i x_i/X sum_j c_ij x_j - X/n^2 sum_ij c_ij) / (sum_i x_i/X sum_j c_ij t_j - X/n^2 sum_ij c_ij)",
              .reference = "Massey, D. S. & Denton, N. A. (1988). The dimensions of residential segregation. Social Forces 67(2), 281-315.",
              .library_name = "AbsoluteClustering",
              .groups = IndexGroups::two_group,
              .needs = {.geometry = true},
              .min_value = 0.0,
              .max_value = 1.0},
    absolute_clustering,
    {}}};

}  // namespace
}  // namespace cohesion
