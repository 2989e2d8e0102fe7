#include "cli/inference_options.hpp"

namespace cohesion::cli {

CLI::Option* add_interval_option(CLI::App& command, std::string& value, const std::string& group) {
    return command
        .add_option("--interval", value,
                    "How bootstrap estimates and intervals are formed: debiased (bias-corrected estimate with the "
                    "interval of debiased replicates, as R segregation; default) or percentile (the raw value with "
                    "the percentile interval of the replicates); see docs/inference.md")
        ->default_val("debiased")
        ->check(CLI::IsMember({"debiased", "percentile"}))
        ->group(group);
}

void add_ranking_rule_options(CLI::App& command, RankingRule& rule, const std::string& group) {
    command.add_option("--min-share", rule.min_share, "Smallest share of residents a group needs to be ranked")
        ->default_val(0.01)->check(CLI::Range(0.0, 1.0))->group(group);
    command.add_option("--min-people", rule.min_people, "Fewest people a group needs to be ranked")
        ->default_val(500)->check(CLI::Range(0.0, 1e12))->group(group);
    command.add_option("--alpha", rule.alpha,
                       "With a randomisation test, a group is ranked only if p is below this")
        ->default_val(0.05)->check(CLI::Range(0.0, 1.0))->group(group);
}

}  // namespace cohesion::cli
