// `cohesion indices`: list the registry (--list) or compute indices on a table,
// optionally with bootstrap confidence intervals and a randomisation test.
#include <fmt/format.h>

#include <optional>

#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/inference_options.hpp"
#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "analysis/group_ranking.hpp"
#include "analysis/index_tables.hpp"
#include "indices/registry.hpp"

namespace cohesion::cli {

namespace {

struct IndicesOptions {
    InputOptionValues input;
    OutputOptionValues output;
    bool list = false;
    std::vector<std::string> indices;
    std::vector<std::string> focal;
    std::string versus;
    bool skip_simulated = false;
    int simulations = 500;
    std::uint64_t seed = 20170601;
    int bootstrap = 0;
    int randomisation = 0;
    double confidence = 0.95;
    std::string interval = "debiased";
    bool rank = false;
    std::string rank_by = "dissimilarity";
    RankingRule rule;
};

ResultTable registry_listing() {
    ResultTable out;
    out.title = "Indices (see docs/indices.md for formulas and sources)";
    out.name = "indices";
    out.columns = {"name", "kind", "title", "library_name", "simulated"};
    for (const auto* d : IndexRegistry::instance().all())
        out.add_row({d->info.name, kind_label(d->info), d->info.title, d->info.library_name,
                     std::string(d->info.stochastic ? "yes" : "no")});
    return out;
}

ResultTable compute(const IndicesOptions& o, const Table& table) {
    IndexTableRequest r;
    r.suite.indices = o.indices;
    r.suite.focal = o.focal;
    r.suite.versus = o.versus;
    r.suite.include_stochastic = !o.skip_simulated;
    r.suite.params.seed = o.seed;
    r.suite.params.simulations = o.simulations;
    r.bootstrap = o.bootstrap;
    r.randomisation = o.randomisation;
    r.confidence = o.confidence;
    r.interval = parse_interval_method(o.interval);
    std::optional<ProgressBar> progress;  // made at the first report, when the number of indices is known
    r.progress = [&progress](std::size_t, std::size_t total) {
        if (!progress) progress.emplace("bootstrap and randomisation replicates", total);
        progress->advance();
    };
    return index_table(table, r);
}

// The ranking the report uses (analysis/group_ranking), with this command's bootstrap,
// randomisation, interval and seed. Without --bootstrap the ranks have no intervals.
ResultTable ranking(const IndicesOptions& o, const Table& table) {
    if (!o.versus.empty())
        throw Error(Location{"", 0, "--rank"}, "groups are ranked against everyone else; leave out --versus");
    GroupRankingOptions r;
    r.index = o.rank_by;
    r.bootstrap = o.bootstrap;
    r.randomisation = o.randomisation;
    r.confidence = o.confidence;
    r.interval = parse_interval_method(o.interval);
    r.rule = o.rule;
    r.seed = o.seed;
    return ranking_table(rank_groups(table, r));
}

}  // namespace

void add_indices_command(CLI::App& app) {
    auto o = std::make_shared<IndicesOptions>();
    auto* command = app.add_subcommand(
        "indices",
        "Compute segregation/exposure indices (every two-group index for each group vs the rest, and every "
        "multigroup index), or list them with --list");
    command->add_flag("--list", o->list, "List every index in the registry and exit");
    add_input_options(*command, o->input, "FILE", false);
    command->add_option("FILE", o->input.input.path, "Count table: .csv or .csv.gz (wide, long or ONS bulk layout)");
    auto* s = "Indices";
    command->add_option("--index,-i", o->indices, "Index name(s) to compute (default: all; see --list)")
        ->delimiter(',')->group(s);
    command->add_option("--group,-g", o->focal,
                        "Focal group(s) for two-group indices (default: every group)")->delimiter(',')->group(s);
    command->add_option("--versus", o->versus,
                        "Compare the focal group with this group only, instead of with everyone else")->group(s);
    command->add_flag("--no-simulated", o->skip_simulated,
                      "Skip simulation-based indices (the pysal-style *_simulated variants of modified/bias-corrected "
                      "dissimilarity and modified Gini; the default versions are exact and always run)")->group(s);
    command->add_option("--simulations", o->simulations, "Replicates for simulation-based (*_simulated) indices")
        ->default_val(500)->check(CLI::Range(1, 1000000))->group(s);
    auto* inf = "Inference";
    command->add_option("--bootstrap", o->bootstrap, "Bootstrap replicates for standard errors and CIs (0 = none)")
        ->default_val(0)->check(CLI::Range(0, 1000000))->group(inf);
    command->add_option("--randomisation,--randomization", o->randomisation,
                        "Randomisation-test replicates: index expected under random allocation, and p-value (0 = none)")
        ->default_val(0)->check(CLI::Range(0, 1000000))->group(inf);
    command->add_option("--confidence", o->confidence, "Confidence level of bootstrap intervals")
        ->default_val(0.95)->check(CLI::Range(0.5, 0.999))->group(inf);
    add_interval_option(*command, o->interval, inf);
    auto* rk = "Ranking";
    command->add_flag("--rank", o->rank,
                      "Also rank the groups by how far apart they live (--rank-by, default dissimilarity) with "
                      "bootstrap rank intervals, using the same rule as the report (docs/inference.md)")->group(rk);
    command->add_option("--rank-by", o->rank_by, "Two-group index that ranks the groups")
        ->default_val("dissimilarity")->group(rk);
    add_ranking_rule_options(*command, o->rule, rk);
    command->add_option("--seed", o->seed, "Random seed (results are identical for a seed, whatever the thread count)")
        ->default_val(20170601)->group(inf);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        if (o->list) {
            emit({registry_listing()}, o->output, *command);
            return;
        }
        if (o->input.input.path.empty()) throw CLI::RequiredError("FILE (or --list)");
        const Table table = load_input(o->input);
        std::vector<ResultTable> tables{compute(*o, table)};
        if (o->rank) tables.push_back(ranking(*o, table));
        emit(tables, o->output, *command);
    });
}

}  // namespace cohesion::cli
