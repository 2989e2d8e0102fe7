#pragma once
// Decomposition of the mutual information index M (and H) — its defining strength.
//
// Between/within clusters (units nested in parents, e.g. OAs within LADs):
//   M = M_between + Σ_g p_g M_g
// where M_between is M computed on the parents × groups table, p_g the parent's
// population share and M_g the M of the units inside parent g. H is reported the way
// R `segregation::mutual_total(within = ...)` does: each component divided by the
// entropy E of the overall group shares (so H_between + H_within = H).
//
// By groups: M = Σ_m p_m ls_m, ls_m = Σ_i p_{i|m} ln(p_{i|m} / p_i) — each group's
// contribution (R `segregation::mutual_local(..., group = unit, unit = group)`).
// Sources: Theil, H. (1971). Principles of Econometrics. Wiley; Mora, R. & Ruiz-Castillo,
// J. (2011). Entropy-based segregation indices. Sociological Methodology 41(1), 159–194;
// Elbers, B. (2023). A method for studying differences in segregation across time and
// space. Sociological Methods & Research 52(1), 5–42.
#include <string>
#include <vector>

#include "core/count_matrix.hpp"

namespace cohesion {

struct WithinPart {
    std::string parent;
    std::size_t units = 0;
    double population_share = 0.0;  // p_g
    double entropy = 0.0;           // E_g of the parent's group composition
    double M = 0.0;                 // M_g within the parent
    double H = 0.0;                 // M_g / E_g (0 when E_g = 0)
    double contribution = 0.0;      // p_g · M_g
};

struct MutualDecomposition {
    double total_M = 0.0, total_H = 0.0;
    double between_M = 0.0, between_H = 0.0;
    double within_M = 0.0, within_H = 0.0;
    double entropy = 0.0;  // E of the overall group shares
    std::vector<WithinPart> parts;  // ordered by contribution, largest first
};

// `parent_of_unit` has one label per CountMatrix unit.
MutualDecomposition decompose_within(const CountMatrix& counts, const std::vector<std::string>& parent_of_unit);

struct GroupContribution {
    std::string group;
    double population_share = 0.0;  // p_m
    double local_segregation = 0.0; // ls_m
    double contribution = 0.0;      // p_m · ls_m
};

// Ordered as the groups of the matrix.
std::vector<GroupContribution> decompose_by_group(const CountMatrix& counts);

}  // namespace cohesion
