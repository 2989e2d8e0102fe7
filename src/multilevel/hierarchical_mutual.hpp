#pragma once
// Exact additive decomposition of the mutual information index M (and H) across every level
// of a nested hierarchy at once.
//
// With levels 0 (base, e.g. OA) … k (top, e.g. region) and M(l) the M of the level-l areas ×
// groups table, the chain rule of mutual information gives
//   M(0) = M(k) + Σ_{l=0}^{k−1} W_l,   W_l = Σ_{p ∈ level l+1} (N_p/N) M_p(level-l areas in p)
// where W_l = M(l) − M(l+1) is the segregation between level-l areas within level-(l+1)
// areas (the within-component of indices/decomposition for that level pair). Each W_l is
// computed directly as Σ_p Σ_{a∈p} Σ_g (n_ag/N) ln(n_ag N_p / (n_a n_pg)), not as a
// difference, so the sum identity is a real check. H terms are M terms divided by the
// entropy of the overall group shares (as R segregation's mutual_total).
// Sources: Theil (1971) Principles of Econometrics; Mora & Ruiz-Castillo (2011) Sociological
// Methodology 41, 159–194 (additive decomposability of M across nested partitions).
#include <string>
#include <vector>

#include "multilevel/nested_hierarchy.hpp"

namespace cohesion {

struct HierarchicalMutualTerm {
    std::string between;  // level whose areas differ, e.g. "LSOA"
    std::string within;   // level they are compared within, e.g. "MSOA"; empty for the top level
    double M = 0.0, H = 0.0;
    double share = 0.0;   // of total M
};

struct HierarchicalMutual {
    double total_M = 0.0, total_H = 0.0, entropy = 0.0;
    std::vector<HierarchicalMutualTerm> terms;  // top level first, then down to the base
};

// columns[g][i]: count of group g in base unit i of `h`.
HierarchicalMutual decompose_mutual_hierarchy(const NestedHierarchy& h, const std::vector<std::vector<double>>& columns);

}  // namespace cohesion
