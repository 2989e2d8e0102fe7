#pragma once
// Pace of change between two censuses on the same areas: per area and group, counts,
// shares, percentage-point change and annualised growth; per area, how much its
// composition moved (½ Σ_m |share_b − share_a|, the dissimilarity between the two
// compositions: the share of residents who would have to be "different people") and its
// diversity change; areas ranked by that pace, the fastest flagged. The study's point:
// the pace of change matters for cohesion, not only the level.
#include <string>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct AreaChange {
    std::string code;
    double total_a = 0.0, total_b = 0.0;
    std::vector<double> share_a, share_b;  // per group
    std::vector<double> count_a, count_b;
    double pace = 0.0;                     // ½ Σ |Δ share|
    double entropy_a = 0.0, entropy_b = 0.0;
    std::size_t rank = 0;                  // 1 = fastest change
    bool fast = false;
};

struct PaceOfChange {
    std::vector<std::string> groups;
    std::vector<AreaChange> areas;         // areas present in both tables, in table A order
    AreaChange whole;                      // the two tables' totals over the common areas
    std::size_t only_a = 0, only_b = 0;    // areas in one table only (left out, reported)
    double years = 10.0;
    double fast_threshold = 0.0;           // pace at or above which an area is flagged
};

struct PaceOptions {
    double years = 10.0;        // between the censuses, for annualised growth
    double top_share = 0.10;    // flag the fastest-changing share of areas (default: top decile)
    double threshold = -1.0;    // or flag pace >= threshold when >= 0
};

// Tables must have the same group names (rename with --merge NEW=OLD).
PaceOfChange pace_of_change(const Table& a, const Table& b, const PaceOptions& options = {});

// ((c_b / c_a)^(1/years) − 1); NaN when c_a = 0 (growth from nothing has no rate).
double annualised_growth(double count_a, double count_b, double years);

}  // namespace cohesion
