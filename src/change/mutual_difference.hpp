#pragma once
// Why did segregation (Theil's M) change between two censuses? Shapley decomposition of
// ΔM into changes in group composition (group marginal), in area sizes (unit marginal),
// and structural change — the change that remains once both margins are held fixed.
// Elbers, B. (2021) "Trends in U.S. residential racial segregation, 1990 to 2020",
// Sociological Science 10; Karmel & Maclachlan (1988) for margin adjustment by IPF.
// Same definitions as R segregation::mutual_difference(method = "shapley"):
//
//   A = earlier table, B = later; m_XYZ = M of a table with the group margins of X,
//   the unit margins of Y and the association structure of Z, obtained by iterative
//   proportional fitting (IPF) of Z's table to the target margins, run to convergence.
//   Only units and groups present in both years enter the Shapley terms; empty cells
//   of their full cross product are filled with min(1e-10, smallest count / 1000) for
//   the IPF (so every cell can be scaled), and M of the unadjusted tables uses 0.
//
//   structural     = ½(m_AAB − m_AAA) + ½(m_BBB − m_BBA)
//   group_marginal = ¼(m_BAA − m_AAA + m_BBA − m_ABA + m_BBB − m_ABB + m_BAB − m_AAB)
//   unit_marginal  = ¼(m_ABA − m_AAA + m_BBA − m_BAA + m_BBB − m_BAB + m_ABB − m_AAB)
//   additions      = M(B) − m_BBB   (units/groups only in B)
//   removals       = m_AAA − M(A)   (units/groups only in A)
// and the five terms add up to ΔM = M(B) − M(A) exactly.
//
// Per unit (R's "shapley_detailed"): ls_u = Σ_g p(g|u) ln(p(g|u)/p(g)) is unit u's
// local segregation; its structural contribution is ½ p_A(u)(ls_AAB − ls_AAA) +
// ½ p_B(u)(ls_BBB − ls_BBA), which sums to `structural` once the IPF has converged —
// a map of where the true change in segregation happened.
#include <string>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct IpfOptions {
    double precision = 1e-17;     // stop when every margin proportion is within this of its target
    std::size_t max_iterations = 1000;
};

struct IpfRun {
    std::string name;             // e.g. "BBA"
    std::string description;      // "A's structure fitted to both margins of B"
    std::size_t iterations = 0;   // full (unit + group) sweeps
    double max_margin_error = 0.0;
    bool converged = false;
};

struct UnitStructuralChange {
    std::string code;
    double weight_a = 0.0, weight_b = 0.0;      // the unit's share of people in A and in B (common data)
    double local_a = 0.0, local_b = 0.0;        // ls in A (m_AAA) and in B (m_BBB)
    double change_a = 0.0, change_b = 0.0;      // ls_AAB − ls_AAA, ls_BBB − ls_BBA
    double contribution = 0.0;                  // ½ w_A change_a + ½ w_B change_b
};

struct MutualDifference {
    double M1 = 0.0, M2 = 0.0, diff = 0.0;
    double additions = 0.0, removals = 0.0;
    double group_marginal = 0.0, unit_marginal = 0.0, structural = 0.0;
    std::vector<std::string> common_groups;
    std::size_t units_a = 0, units_b = 0;       // with people
    std::vector<UnitStructuralChange> units;    // common units, in A's order
    std::vector<IpfRun> ipf;
    double fill_value = 0.0;
    std::size_t filled_cells = 0;
};

// Groups are matched by name and areas by code (harmonise the earlier table first to
// decompose on a common geography). Throws Error when the tables share no area or group.
MutualDifference mutual_difference(const Table& a, const Table& b, const IpfOptions& options = {});

}  // namespace cohesion
