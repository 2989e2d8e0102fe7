#pragma once
// GroupRanking — "who lives most apart": every group's two-group index against everyone
// else, its bootstrap estimate and interval, how much of it chance alone would give, and
// its rank with the uncertainty of that rank. The ONE place that decides which groups
// may be ranked (RankingRule), so the report's key figure, the report's choice of map
// group and the CLI (`indices --rank`) name the same group (docs/inference.md).
//
// Why a rule: an index of a small group is mostly chance. In Bedford 2011 the 331 Arab
// residents (0.2 %) have D = 0.71 — higher than any large group — though spreading 331
// people over 501 areas unevenly needs no segregation at all. So a group is ranked only
// if it has at least `min_share` of residents and at least `min_people` people, and, when
// a randomisation test ran, its index exceeds what random allocation gives (p < alpha).
// Groups that fail are listed with the reason, not ranked.
//
// Ranks use the headline (debiased by default) estimates. Rank intervals come from the
// same joint bootstrap replicates: each replicate resamples the whole table once, every
// group's index is recomputed on it, the groups are ranked within the replicate, and the
// interval is the percentile interval of each group's ranks (lower bound rounded down,
// upper bound rounded up, so it is a range of whole ranks at least as wide).
// Source: rank intervals by the bootstrap as in Goldstein, H. & Spiegelhalter, D. J.
// (1996). League tables and their limitations. JRSS A 159(3), 385–443.
#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "inference/bootstrap_summary.hpp"
#include "output/result_table.hpp"

namespace cohesion {

struct RankingRule {
    double min_share = 0.01;  // of residents (the sum of the table's groups)
    double min_people = 500;
    double alpha = 0.05;      // with a randomisation test, p must be below this to be ranked
};

// One sentence stating the rule, for notes and the report.
std::string describe(const RankingRule& rule);

struct GroupRankingOptions {
    std::string index = "dissimilarity";  // the two-group index that ranks (focal group vs everyone else)
    std::vector<std::string> also;        // further two-group indices summarised from the same replicates
    int bootstrap = 100;                  // 0: raw values only, no intervals
    int randomisation = 0;                // 0: no test (the rule then uses size alone)
    double confidence = 0.95;
    IntervalMethod interval = IntervalMethod::debiased;
    RankingRule rule;
    std::uint64_t seed = 20170601;
    std::function<void(std::size_t, std::size_t)> progress;  // per replicate; thread-safe
    std::stop_token stop;
};

// The index under random allocation of people to areas (area and group sizes fixed).
struct ChanceSummary {
    double expected = 0.0;  // mean of the index over random allocations
    double excess = 0.0;    // raw value − expected: the part of the index chance does not explain
    double p_value = 1.0;   // (1 + #{random ≥ observed}) / (1 + replicates)
};

struct GroupRanking {
    std::string group;
    double people = 0.0, share = 0.0;
    BootstrapSummary value;              // the ranking index: estimate (headline), raw_value, interval
    std::vector<BootstrapSummary> also;  // GroupRankingOptions::also, in that order
    std::optional<ChanceSummary> chance;
    bool eligible = false;
    std::string reason;                  // why the group is not ranked; empty when it is
    int rank = 0;                        // 1 = most apart among ranked groups; 0 = not ranked
    int rank_lower = 0, rank_upper = 0;  // interval of the rank (0 without bootstrap or rank)
};

struct GroupRankings {
    std::string index;
    std::vector<std::string> also;
    RankingRule rule;
    IntervalMethod interval = IntervalMethod::debiased;
    double confidence = 0.95;
    int bootstrap = 0, randomisation = 0;
    // Ranked groups by rank, then the groups not ranked by estimate (highest first).
    std::vector<GroupRanking> groups;
    std::vector<std::string> notes;

    const GroupRanking* top() const;  // rank 1; null when no group meets the rule
    const GroupRanking* find(const std::string& group) const;
};

GroupRankings rank_groups(const Table& table, const GroupRankingOptions& options);

// Why a candidate (a group in a town, a town for a group in the atlas) is not ranked under
// `rule`, or "" when it is: the rule above, in the order a reader checks it.
std::string ranking_exclusion(double estimate, double people, double share, const std::optional<ChanceSummary>& chance,
                              const RankingRule& rule);

// Bootstrap rank intervals: values[c][r] is candidate c's value on replicate r (all the
// same length, higher = rank 1, undefined ranks last, ties by candidate order); each
// candidate's interval is the percentile interval of its ranks at `confidence`, lower
// bound rounded down and upper bound up (Goldstein & Spiegelhalter 1996).
struct RankInterval {
    int lower = 0, upper = 0;
};
std::vector<RankInterval> rank_intervals(const std::vector<std::vector<double>>& values, double confidence);

// rank, group, people, share, <index>, raw_value, ci_lower, ci_upper, rank_lower,
// rank_upper [, <also>, <also>_ci_lower, <also>_ci_upper ...] [, expected_if_random,
// excess_over_random, p_value], ranked, reason.
ResultTable ranking_table(const GroupRankings& rankings);

}  // namespace cohesion
