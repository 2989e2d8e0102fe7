#pragma once
// Names for groups of areas from the places they cover, so that a councillor reads
// "Queens Park" rather than "Pakistani enclave 1". Each area carries the name of the
// place it lies in (the ward covering most of it, geo/place_layer.hpp) or, without a
// place layer, its own code (then the enclave takes the code of its most populous area). A group of areas is named after the place holding most of
// its residents; a second place joins the name ("Queens Park and Kingsbrook") when it
// holds at least a third of them. Two groups that would share a name are told apart by
// a number ("Queens Park (2)").
#include <span>
#include <string>
#include <vector>

#include "spatial/enclaves.hpp"

namespace cohesion {

// The name of the areas `members` (indices into `population` and `place_of_area`);
// `join_two` false: one name only (area codes, where "A and B" would say nothing).
std::string place_name(const std::vector<std::size_t>& members, std::span<const double> population,
                       const std::vector<std::string>& place_of_area, bool join_two);

// Sets each enclave's `place` (unique across the list).
void name_enclaves(std::vector<Enclave>& enclaves, std::span<const double> population,
                   const std::vector<std::string>& place_of_area, bool join_two);

}  // namespace cohesion
