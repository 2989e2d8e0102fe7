#include "cli/hot_spot_options.hpp"

#include "cli/progress_bar.hpp"

namespace cohesion::cli {

void add_hot_spot_options(CLI::App& command, HotSpotOptionValues& v) {
    auto* g = "Hot spots";
    command.add_option("--group,-g", v.group, "Group whose share is tested, e.g. Pakistani")->required()->group(g);
    command.add_option("--permutations", v.options.permutations, "Conditional permutations per area")
        ->default_val(999)->check(CLI::Range(1, 1000000))->group(g);
    command.add_option("--alpha", v.options.alpha, "Significance level for labels")->default_val(0.05)
        ->check(CLI::Range(0.0001, 0.5))->group(g);
    command.add_flag("--raw-p", v.raw_p, "Label with raw pseudo p-values instead of FDR-adjusted ones")
        ->group(g)->each([&v](const std::string&) { v.options.false_discovery_rate = false; });
    command.add_option("--seed", v.options.seed, "Random seed (same results whatever the thread count)")
        ->default_val(20170601)->group(g);
    // The permutations count on stderr in areas tested (a fresh count for each test: `emerging`
    // tests several groups). --quiet silences it like every progress line.
    v.options.progress = counted_progress("hot spots: areas tested (LISA, then G*)");
}

}  // namespace cohesion::cli
