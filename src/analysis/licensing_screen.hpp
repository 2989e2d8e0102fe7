#pragma once
// Which areas to screen for selective landlord licensing (Housing Act 2004 Part 3):
// an area is a candidate when its private-rented share of households (TS054) and its
// EU8/EU2-born share of residents (TS004, a proxy for the "high levels of migration"
// condition) both reach a threshold — by default the England & Wales 2021 shares.
// Candidates that touch (queen contiguity) form zones; each zone and the whole proposal
// report their share of the authority's privately rented homes and land area, against
// the 20 % above which the Secretary of State must confirm a designation.
#include <span>
#include <vector>

#include "core/table.hpp"
#include "io/census_topics.hpp"
#include "output/result_table.hpp"
#include "targeting/national_reference.hpp"
#include "weights/weights.hpp"

namespace cohesion {

struct LicensingScreenOptions {
    double min_private_rented = national2021::private_rented_share;
    double min_accession = national2021::accession_born_share;
};

// `tenure` is the TS054 table (joined to its polygons when `contiguity` is given, whose
// rows then follow it, with `area_km2` the land area of each area). Without contiguity
// each candidate area is its own zone and land area is not known.
// Tables: the zones with the proposal's totals, then the per-area screen (the map layer).
std::vector<ResultTable> licensing_screen(const CensusTopics& census, const Table& tenure,
                                          const LicensingScreenOptions& options, const Weights* contiguity = nullptr,
                                          std::span<const double> area_km2 = {});

}  // namespace cohesion
