#pragma once
// The national atlas as tidy tables (one row per LAD × group, or LAD × part): what
// `cohesion atlas` writes as one CSV per measure, and what the lead's report and API read.
// Rendering only; the numbers come from NationalAtlas.
#include <string>
#include <vector>

#include "atlas/national_atlas.hpp"
#include "atlas/town_directory.hpp"
#include "output/result_table.hpp"

namespace cohesion {

// Rows for `indices` (e.g. {"dissimilarity"} or {"mutual_information", "information_theory"}):
// lad, code, region, index, group, people, share, estimate, raw_value, ci_lower, ci_upper,
// expected_if_random, excess_over_random, p_value, rank, rank_lower, rank_upper, ranked_among,
// peer_rank, peer_count, reason, seed.
ResultTable atlas_measure_table(const NationalAtlas& atlas, const TownDirectory& directory,
                                const std::vector<std::string>& indices, const std::string& title);
// lad, code, region, part, M, H, share_of_M; then "England and Wales" rows for the whole table.
ResultTable atlas_decomposition_table(const NationalAtlas& atlas, const TownDirectory& directory);
// lad, by (composition | segregation), order, peer, distance.
ResultTable atlas_peer_table(const NationalAtlas& atlas);
// lad, code, became, region, areas, people, then the share of each group.
ResultTable atlas_town_table(const NationalAtlas& atlas, const TownDirectory& directory);
// lad, code, region, areas_2021, people_2011, people_2021, M_2011, M_2021, M_change, then the
// Shapley parts group_marginal, unit_marginal, structural, additions, removals (adding up to
// M_change), H_2011, H_2021, reason — from atlas.change (empty table when not computed).
ResultTable atlas_change_table(const NationalAtlas& atlas, const TownDirectory& directory);
// One row per LAD with a 2021 code: code (first column, for geo/layer_writer), lad, M, H,
// then D of each group, then (with atlas.change) M_change and its structural part — the
// GeoPackage's attributes.
ResultTable atlas_map_table(const NationalAtlas& atlas, const TownDirectory& directory);

}  // namespace cohesion
