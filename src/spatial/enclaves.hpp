#pragma once
// Enclaves: contiguous runs of significant hot spots of a group's share.
//
// An area is an enclave member when its group share is a significant Getis–Ord G*
// hot spot (FDR-controlled by default) — or, with `use_lisa`, a significant HH LISA
// cluster — and the share in the area itself is above the town's (location quotient
// > 1): G* also lights up low-share areas surrounded by high ones, which are the
// enclave's surroundings, not the enclave. Members that are neighbours (in the weights used for the test) join into
// one enclave; an enclave needs at least `min_areas` areas. For each enclave we
// report its areas, people, group count and share, land area, and the share of the
// group's town-wide population living in it.
#include <span>
#include <string>
#include <vector>

#include "autocorrelation/hot_spots.hpp"
#include "weights/weights.hpp"

namespace cohesion {

struct EnclaveOptions {
    bool use_lisa = false;   // HH clusters instead of G* hot spots
    std::size_t min_areas = 2;
    bool require_above_average = true;  // location quotient > 1 in the area itself
};

struct Enclave {
    std::string name;                 // "<group> enclave <k>", numbered by size (largest first)
    std::vector<std::size_t> members; // unit indices
    std::string core_area;            // member with the highest group share
    double population = 0.0;
    double group_count = 0.0;
    double group_share = 0.0;               // group_count / population
    double share_of_group = 0.0;            // group_count / group's town-wide count
    double area_km2 = 0.0;                  // 0 when no areas were given
};

// `group` and `total` per unit; `codes` names units; `area_km2` may be empty.
std::vector<Enclave> find_enclaves(const std::string& group_name, std::span<const double> group,
                                   std::span<const double> total, const std::vector<std::string>& codes,
                                   std::span<const double> area_km2, const Weights& w, const HotSpots& hot_spots,
                                   const EnclaveOptions& options = {});

}  // namespace cohesion
