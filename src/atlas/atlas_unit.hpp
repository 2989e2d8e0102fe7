#pragma once
// One work unit of the national atlas: every measure for every group in one local
// authority (the areas of one LAD of the national OA table).
//
// Why a unit is a whole LAD and not LAD × group × measure: every measure of a LAD comes
// from one set of resamples (inference/suite_replicates.hpp draws each replicate table once
// and evaluates D and isolation for all 14 groups plus M and H on it), so splitting a LAD's
// groups or measures across workers would redraw the same tables many times. A LAD is the
// unit of scheduling; its (group, measure) rows are the unit's results.
//
// Reproducibility: a unit's seed is derived from the LAD's name and the atlas seed alone
// (unit_seed), never from its position in a work list, so any split over threads or MPI
// ranks gives identical numbers, and `cohesion indices TABLE --where LAD=NAME --seed S`
// with the seed printed in the atlas's `seed` column reproduces the unit's values.
//
// Measures (docs/atlas.md):
//  - dissimilarity D and isolation xPx* of each group against everyone else in the LAD
//    (Duncan & Duncan 1955; Bell 1954), headline = debiased bootstrap estimate with
//    its interval when bootstrap > 0 (inference/bootstrap_summary.hpp), else the raw index;
//  - mutual information M and Theil's H over all groups (Theil 1971; R segregation);
//  - each measure's value expected under random allocation of people to areas and the
//    excess over it (inference/suite_replicates.hpp, randomisation scheme);
//  - the hierarchy: M split exactly into OA-within-LSOA, LSOA-within-MSOA and
//    between-MSOA parts (indices/decomposition: M = M_between + Σ p_g M_g), H the same
//    parts divided by the LAD's entropy.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/group_ranking.hpp"
#include "core/table.hpp"
#include "indices/decomposition/mutual_decomposition.hpp"
#include "inference/bootstrap_summary.hpp"

namespace cohesion {

// The measures an atlas may compute (option names).
// "change" (2011 -> 2021, atlas/atlas_change.hpp) is computed beside the units, not in them.
inline constexpr std::string_view atlas_measure_names[] = {"dissimilarity", "isolation", "mutual_information",
                                                           "decomposition", "change"};

struct AtlasOptions {
    std::vector<std::string> measures;  // subset of atlas_measure_names; empty = all
    int bootstrap = 0;                  // replicates per LAD; 0 = raw values, no intervals
    int randomisation = 20;             // replicates per LAD for the value expected by chance; 0 = none
    double confidence = 0.95;
    IntervalMethod interval = IntervalMethod::debiased;
    std::uint64_t seed = 20170601;
    RankingRule rule;                   // which LADs are ranked for a group (analysis/group_ranking)
    int peers = 10;                     // k nearest towns per town
    std::string unit_level = "LAD";
    std::string region_level = "RGN";
    std::vector<std::string> hierarchy{"LSOA", "MSOA"};  // levels between areas and unit_level, fine → coarse
};

// Throws Error naming the option when a measure is unknown or a count is out of range.
void check_atlas_options(const AtlasOptions& options);
bool wants(const AtlasOptions& options, std::string_view measure);

// M of the areas of `table` between and within the parents named by its `parent_level`
// (decompose_within on the multigroup view; zero-population areas left out).
MutualDecomposition decompose_within_level(const Table& table, const std::string& parent_level);

// splitmix64 of the atlas seed mixed with an FNV-1a hash of the unit's key (LAD name).
std::uint64_t unit_seed(std::uint64_t atlas_seed, std::string_view key);

// One index value for one group (or "all groups") in one LAD, and its place among LADs.
struct AtlasValue {
    std::string index;   // registry name: dissimilarity, isolation, mutual_information, information_theory
    std::string group;   // focal group, or "all groups" for M and H
    BootstrapSummary value;                // estimate = raw_value when bootstrap = 0
    std::optional<ChanceSummary> chance;   // with randomisation
    std::vector<double> rank_replicates;   // interval_replicates(): what rank intervals rank
    // Filled when the atlas is assembled (national_atlas.hpp):
    bool ranked = false;
    std::string reason;                    // why not ranked
    int rank = 0, rank_lower = 0, rank_upper = 0, ranked_among = 0;
};

// M split over the hierarchy inside the LAD (parts sum to the LAD's M, and to H for H).
struct AtlasLevelPart {
    std::string part;  // "OA within LSOA", "LSOA within MSOA", "between MSOA"
    double M = 0.0, H = 0.0;
};

struct AtlasUnit {
    std::string name;    // the LAD
    std::string region;
    std::uint64_t seed = 0;
    std::size_t areas = 0;
    double people = 0.0;                 // Σ listed groups
    std::vector<std::string> groups;     // table order
    std::vector<double> group_people;    // parallel to groups
    std::vector<AtlasValue> values;      // D and isolation per group, then M, H
    std::vector<AtlasLevelPart> hierarchy;

    const AtlasValue* find(std::string_view index, std::string_view group) const;
};

// The unit for the areas of one LAD (`lad_table`: the national table filtered to it).
AtlasUnit compute_atlas_unit(const Table& lad_table, const std::string& name, const AtlasOptions& options);

}  // namespace cohesion
