#pragma once
// Enclaves: contiguous runs of significant hot spots of a group's share.
//
// An area is an enclave member when its group share is a significant Getis–Ord G*
// hot spot (FDR-controlled by default) — or, with `use_lisa`, a significant HH LISA
// cluster — and the share in the area itself is well above the town's: location
// quotient (area share / town share) at least `min_lq`, 1.5 by default. G* also lights
// up low-share areas surrounded by high ones, which are the enclave's surroundings, not
// the enclave: with LQ > 1 alone, an area at 2 % share in a town at 1.9 % sat inside an
// "enclave" (issue 13). Members that are neighbours (in the weights used for the test) join into
// one enclave; an enclave needs at least `min_areas` areas. For each enclave we
// report its areas, people, group count and share, land area, and the share of the
// group's town-wide population living in it, and name it after the places it covers
// (spatial/place_names.hpp).
#include <span>
#include <string>
#include <vector>

#include "autocorrelation/hot_spots.hpp"
#include "weights/weights.hpp"

namespace cohesion {

// "a Pakistani share at least 1.5 times the town's" — the share rule in words, for notes.
std::string share_rule(const std::string& group, double min_lq);

struct EnclaveOptions {
    bool use_lisa = false;   // HH clusters instead of G* hot spots
    std::size_t min_areas = 2;
    double min_lq = 1.5;     // least location quotient of a member area (0 = no test)
    // Place name per area (e.g. the ward it lies in; geo/place_layer.hpp) used to name
    // enclaves; empty = the area codes.
    std::vector<std::string> places;
};

struct Enclave {
    std::string name;                 // "<group> enclave <k>", numbered by size (largest first)
    std::string place;                // the places it covers: "Queens Park" or "Queens Park and Kingsbrook"
    bool place_named = false;         // `place` is from place names (else an area code: no place layer)
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
