#pragma once
// NationalAtlas — every local authority at once: the work list of units (LADs), running
// them on threads, and assembling the results into national ranks and peers.
//
// Ranks (per index and group, across LADs): LADs are ranked by the headline estimate
// (1 = most segregated) among those the ranking rule admits (analysis/group_ranking:
// enough people and share of the group in the LAD, beyond chance when a randomisation ran),
// so a LAD with a handful of Arab residents is never "most segregated" by noise. With a
// bootstrap, rank intervals rank the LADs within each replicate (each LAD's own seeded
// replicates; LADs are independent samples) — rank_intervals() of analysis/group_ranking.
//
// Peers: the k towns nearest to each town by Euclidean distance on standardised
// vectors (each coordinate minus its mean over LADs, divided by its standard deviation):
//  - composition: the shares of the 14 groups among the LAD's residents;
//  - segregation: the raw D of each group and M (an undefined D counts as the mean, 0).
// "Bedford's Pakistani D is 3rd highest among its 10 peers" = peer_rank among the town
// and its composition peers.
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "atlas/atlas_change.hpp"
#include "atlas/atlas_unit.hpp"
#include "core/table.hpp"

namespace cohesion {

struct AtlasWorkList {
    std::vector<std::string> names;              // unit keys (LAD names), first-appearance order
    std::vector<std::vector<std::size_t>> rows;  // table rows of each unit, in table order
};

AtlasWorkList plan_atlas_units(const Table& national, const AtlasOptions& options);
// The areas of unit `k`, as `--where LAD=NAME` selects them.
Table unit_table(const Table& national, const AtlasWorkList& work, std::size_t k);

// Every unit on this process's threads (TBB); results in work-list order. `progress` is
// called with (units done, total) from one thread at a time.
std::vector<AtlasUnit> compute_atlas_units(const Table& national, const AtlasWorkList& work,
                                           const AtlasOptions& options,
                                           const std::function<void(std::size_t, std::size_t)>& progress = {},
                                           std::stop_token stop = {});

struct AtlasPeer {
    std::size_t unit = 0;
    double distance = 0.0;
};

struct NationalAtlas {
    AtlasOptions options;
    std::vector<AtlasUnit> units;
    std::vector<std::vector<AtlasPeer>> composition_peers;  // per unit, nearest first
    std::vector<std::vector<AtlasPeer>> segregation_peers;
    std::vector<AtlasLevelPart> national_hierarchy;         // areas … between regions, for the whole table
    std::vector<AtlasValue> national_values;                // each index on the whole table (raw_value only)
    std::vector<AtlasChange> change;                        // 2011 -> 2021 per unit (units' order), when computed
    std::vector<std::string> notes;
};

// Ranks, rank intervals and peers; `national` (may be null) gives the national hierarchy
// and national values.
NationalAtlas assemble_atlas(std::vector<AtlasUnit> units, const AtlasOptions& options, const Table* national);

// Where unit `unit`'s value of (index, group) stands among itself and its composition
// peers: rank 1 = highest estimate; `of` counts those with a defined estimate.
struct PeerStanding {
    int rank = 0, of = 0;
};
PeerStanding peer_standing(const NationalAtlas& atlas, std::size_t unit, std::string_view index, std::string_view group);

}  // namespace cohesion
