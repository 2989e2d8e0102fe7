#pragma once
// Options shared by `indices`, `compare` and `report`: how bootstrap estimates and
// intervals are formed (--interval) and which groups may be ranked (--min-share,
// --min-people, --alpha). One definition, so the commands describe them alike.
#include <CLI/CLI.hpp>

#include <string>

#include "analysis/group_ranking.hpp"

namespace cohesion::cli {

// --interval debiased|percentile into `value` (parse with parse_interval_method).
CLI::Option* add_interval_option(CLI::App& command, std::string& value, const std::string& group);

// --min-share, --min-people, --alpha into `rule`.
void add_ranking_rule_options(CLI::App& command, RankingRule& rule, const std::string& group);

}  // namespace cohesion::cli
