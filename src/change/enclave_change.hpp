#pragma once
// Enclave change — "enclaves are starting to form" made testable: the enclaves of one
// group found in two censuses on the same areas (harmonise first), matched by shared
// member areas.
//
// - emerging:   an enclave of the later year none of whose areas was an enclave member
//               in the earlier year;
// - persisting: a later enclave sharing at least one area with an earlier one (its
//               footprint is the union of both years' members, so growth compares like
//               with like);
// - dissolved:  an earlier enclave none of whose areas is a member in the later year.
// Growth is the annualised change of the group's count over the footprint,
// (count_b / count_a)^(1/years) - 1, NaN when the group was absent in the earlier year.
// Enclaves themselves come from find_enclaves (significant G* hot spots or HH LISA
// clusters with an above-average share, joined by contiguity), run on each year with
// the same weights and seed.
#include <span>
#include <string>
#include <vector>

#include "spatial/enclaves.hpp"

namespace cohesion {

struct EnclaveTransition {
    std::string enclave;  // the later year's name, or the earlier year's for a dissolved one
    std::string status;   // emerging, persisting or dissolved
    std::size_t areas_a = 0, areas_b = 0;  // member areas in each year
    std::size_t core = 0;  // area with the group's highest later-year share
    double population_a = 0.0, population_b = 0.0;  // over the footprint
    double group_a = 0.0, group_b = 0.0;
    double share_a = 0.0, share_b = 0.0;
    double annual_growth = 0.0;
};

struct EnclaveChange {
    std::vector<EnclaveTransition> enclaves;  // emerging, then persisting, then dissolved
    // Per area: "new" (member in the later year only), "persisting", "left" (earlier only)
    // or "" (never a member).
    std::vector<std::string> area_status;
};

// group_* and total_* hold one value per area, the same areas in the same order for
// both years; `years` is the time between the censuses (> 0).
EnclaveChange compare_enclaves(const std::vector<Enclave>& a, const std::vector<Enclave>& b,
                               std::span<const double> group_a, std::span<const double> total_a,
                               std::span<const double> group_b, std::span<const double> total_b, double years);

}  // namespace cohesion
