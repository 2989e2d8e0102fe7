#pragma once
// TownProfile — everything the town report shows, computed in one place from a table
// (and, when given, its polygons and weights): composition against a reference area,
// who is least integrated (dissimilarity and isolation per group with bootstrap
// intervals, ranked, with the reference area's values), multigroup M and H, and per-area
// values for maps (share and location quotient of the focal group, local segregation,
// G* hot spots and enclaves of the focal group, neighbourhood types).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/group_ranking.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "core/table.hpp"
#include "inference/bootstrap_summary.hpp"
#include "spatial/enclaves.hpp"
#include "output/result_table.hpp"
#include "spatial/enclaves.hpp"
#include "weights/weights.hpp"

namespace cohesion {

struct TownProfileOptions {
    std::string focal;             // group for the maps (default: the top of the ranking, see GroupRanking)
    std::string host;              // typology host group (default: the largest group)
    int bootstrap = 100;
    int randomisation = 100;       // randomisation replicates: which groups' D exceeds chance
    IntervalMethod interval = IntervalMethod::debiased;
    RankingRule rule;              // which groups may be ranked (docs/inference.md)
    std::uint64_t seed = 20170601;
    HotSpotOptions hot_spots;
    EnclaveOptions enclaves;       // least location quotient, place names per area
    std::function<void(const std::string&)> step;  // progress: called before each stage
};

// One multigroup index with its bootstrap summary (headline estimate, raw value, interval).
struct MultigroupSummary {
    std::string index, title;
    BootstrapSummary value;
};

struct TownProfile {
    std::string focal, host;
    bool focal_chosen = false;  // the user named the map group (else it is ranking.top())
    // Typed results the report reads (the tables below are for display and CSV output).
    GroupRankings ranking;                    // dissimilarity ranks groups; isolation alongside
    std::optional<GroupRankings> reference_ranking;  // raw values in the reference area (no bootstrap)
    std::vector<MultigroupSummary> multigroup_values;  // mutual_information (M) first
    double focal_count = 0.0;                 // the focal group's town-wide count
    ResultTable composition;  // group, count, share [, reference_share]
    ResultTable groups;       // ranking_table(ranking) [+ reference D and isolation]
    ResultTable multigroup;   // M, H, multigroup D with CIs
    ResultTable areas;        // per area: population, focal share, LQ, local segregation, hot spot, enclave, type
    ResultTable enclaves;     // enclaves of the focal group (empty without weights)
    // Per-area values in table order, for maps.
    std::vector<double> focal_share, focal_lq, local_segregation;
    std::vector<std::string> hot_spot, enclave, neighbourhood_type;  // enclave: its place name ("" = none)
    double enclave_min_lq = 0.0;        // the enclave rule's least location quotient (EnclaveOptions)
    std::vector<Enclave> enclave_list;  // the focal group's enclaves, typed (members for outlines and zoomed maps)
    double total_population = 0.0;
};

// `weights` and `area_km2` (per table area) may be null/empty: no hot spots or enclaves.
// `reference` is the whole reference area (e.g. England & Wales) with the same groups.
TownProfile town_profile(const Table& table, const Weights* weights, const std::vector<double>& area_km2,
                         const std::optional<Table>& reference, const TownProfileOptions& options);

}  // namespace cohesion
