#pragma once
// Neighbourhood typology of Poulsen, Johnston & Forrest: each area classified by the
// share of the host (majority) group and whether one minority group dominates.
//
//   I   isolated host community        host ≥ 80 %
//   II  non-isolated host community    50 % ≤ host < 80 %
//   III associated assimilation–pluralism enclave   30 % ≤ host < 50 %
//   IV  mixed-minority enclave         host < 30 %, no minority group ≥ 60 % of the minority population
//   V   polarised enclave              host < 30 %, one minority group ≥ 60 % of the minority population
//   VI  ghetto                         a polarised enclave whose dominant group has ≥ 30 % of its
//                                      town-wide population in type V/VI areas
// Thresholds are parameters (defaults from the paper).
// Source: Poulsen, M., Johnston, R. & Forrest, J. (2001). Intraurban ethnic enclaves:
// introducing a knowledge-based classification method. Environment and Planning A 33(11),
// 2071–2082.
#include <string>
#include <vector>

#include "core/count_matrix.hpp"

namespace cohesion {

struct TypologyOptions {
    std::string host_group;         // e.g. WhiteBrit; required
    double isolated_host = 0.80;
    double non_isolated_host = 0.50;
    double assimilation = 0.30;
    double dominant_minority = 0.60;  // share of the area's minority population
    double ghetto_share = 0.30;       // share of the group's town-wide population in its polarised enclaves
};

struct AreaType {
    int type;                 // 1..6
    std::string label;        // e.g. "II non-isolated host community"
    double host_share;
    std::string dominant;     // largest minority group in the area
    double dominant_share_of_minorities;
};

// One entry per unit of `counts` (multigroup view).
std::vector<AreaType> classify_neighbourhoods(const CountMatrix& counts, const TypologyOptions& options);
std::string typology_label(int type);

}  // namespace cohesion
