#pragma once
// TownComparison — the data of the town report's "compared with similar towns and with
// England & Wales" section: for one LAD, each group's D and isolation (and M, H) beside
// the median of its composition peers, the value for England & Wales as a whole, its
// national rank (with interval) and its place among its peers, with one plain-English
// sentence per row ("Bedford's Pakistani D is 6th highest of Bedford and its 10 most
// similar towns"). Typed, so the report renders it and the API serves it as it likes.
#include <string>
#include <string_view>
#include <vector>

#include "atlas/national_atlas.hpp"

namespace cohesion {

struct TownComparisonRow {
    std::string index, group;
    double town = 0.0;         // the LAD's headline estimate
    double peer_median = 0.0;  // median estimate over its composition peers (NaN if none defined)
    double national = 0.0;     // the index on the whole table (NaN when the atlas has no national values)
    bool ranked = false;
    std::string reason;        // why not ranked nationally
    int rank = 0, rank_lower = 0, rank_upper = 0, ranked_among = 0;
    PeerStanding among_peers;  // the town's place among itself and its peers
    std::string sentence;
};

struct TownComparison {
    std::string town;
    std::vector<std::string> peers;  // composition peers, nearest first
    std::vector<TownComparisonRow> rows;
};

// Throws Error when `town` is not a unit of the atlas.
TownComparison compare_town(const NationalAtlas& atlas, std::string_view town);

}  // namespace cohesion
