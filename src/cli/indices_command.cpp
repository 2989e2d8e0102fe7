// `cohesion indices`: list the registry (--list) or compute indices on a table,
// optionally with bootstrap confidence intervals and a randomisation test.
#include <fmt/format.h>

#include <set>

#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "indices/index_suite.hpp"
#include "inference/bootstrap.hpp"
#include "inference/randomisation.hpp"

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
};

ResultTable registry_listing() {
    ResultTable out;
    out.title = "Indices (see docs/indices.md for formulas and sources)";
    out.columns = {"name", "kind", "title", "library_name", "simulated"};
    for (const auto* d : IndexRegistry::instance().all())
        out.add_row({d->info.name, to_string(d->info.kind), d->info.title, d->info.library_name,
                     std::string(d->info.stochastic ? "yes" : "no")});
    return out;
}

ResultTable compute(const IndicesOptions& o, const Table& table) {
    SuiteRequest request;
    request.indices = o.indices;
    request.focal = o.focal;
    request.versus = o.versus;
    request.include_stochastic = !o.skip_simulated;
    request.params.seed = o.seed;
    request.params.simulations = o.simulations;
    const SuitePlan plan = plan_suite(table, request);
    if (plan.items.empty()) throw Error("no index to compute (check --index)");

    ResultTable out;
    out.title = "Segregation indices";
    out.notes = table.history();
    std::set<std::string> descriptions;
    for (const auto& view : plan.views) {
        if (descriptions.insert(view.description).second) out.notes.push_back("view: " + view.description);
        if (view.dropped_units)
            out.notes.push_back(std::to_string(view.dropped_units) +
                                " zero-population areas left out of " + view.description);
    }
    out.notes.push_back("simulation seed " + std::to_string(o.seed) + ", " + std::to_string(o.simulations) +
                        " simulations for simulated indices; natural logarithms");
    out.columns = {"index", "kind", "focal", "versus", "value"};

    const std::vector<double> values = run_suite(plan, request.params);
    const bool inference = o.bootstrap > 0 || o.randomisation > 0;
    if (o.bootstrap > 0) {
        out.columns.insert(out.columns.end(), {"std_error", "ci_lower", "ci_upper", "bias_corrected"});
        out.notes.push_back(fmt::format("{} bootstrap replicates (multinomial resampling of people, totals rounded to "
                                        "whole people), {:g} percentile intervals",
                                        o.bootstrap, o.confidence));
    }
    if (o.randomisation > 0) {
        out.columns.insert(out.columns.end(), {"expected_if_random", "p_value"});
        out.notes.push_back(std::to_string(o.randomisation) +
                            " randomisation replicates (people allocated to areas at random, area and group sizes "
                            "fixed); p = P(index >= observed)");
    }
    ProgressBar progress("inference", inference ? plan.items.size() : 0);
    for (std::size_t k = 0; k < plan.items.size(); ++k) {
        const auto& item = plan.items[k];
        std::vector<Cell> row{item.index->info.name, to_string(item.index->info.kind), item.focal,
                              item.comparison, values[k]};
        const CountMatrix& view = plan.views[item.view];
        if (o.bootstrap > 0) {
            const auto b = bootstrap(*item.index, view, request.params,
                                     BootstrapOptions{o.bootstrap, o.confidence, o.seed, {}});
            row.insert(row.end(), {b.standard_error, b.ci_lower, b.ci_upper, b.bias_corrected});
        }
        if (o.randomisation > 0) {
            const auto r = randomisation_test(*item.index, view, request.params,
                                              RandomisationOptions{o.randomisation, o.seed, {}});
            row.insert(row.end(), {r.expected, r.p_value});
        }
        if (inference) progress.advance();
        out.add_row(std::move(row));
    }
    return out;
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
                      "Skip simulation-based indices (modified/bias-corrected dissimilarity, modified Gini)")->group(s);
    command->add_option("--simulations", o->simulations, "Replicates for simulation-based indices")
        ->default_val(500)->check(CLI::Range(1, 1000000))->group(s);
    auto* inf = "Inference";
    command->add_option("--bootstrap", o->bootstrap, "Bootstrap replicates for standard errors and CIs (0 = none)")
        ->default_val(0)->check(CLI::Range(0, 1000000))->group(inf);
    command->add_option("--randomisation,--randomization", o->randomisation,
                        "Randomisation-test replicates: index expected under random allocation, and p-value (0 = none)")
        ->default_val(0)->check(CLI::Range(0, 1000000))->group(inf);
    command->add_option("--confidence", o->confidence, "Confidence level of bootstrap intervals")
        ->default_val(0.95)->check(CLI::Range(0.5, 0.999))->group(inf);
    command->add_option("--seed", o->seed, "Random seed (results are identical for a seed, whatever the thread count)")
        ->default_val(20170601)->group(inf);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        if (o->list) {
            emit({registry_listing()}, o->output, *command);
            return;
        }
        if (o->input.input.path.empty()) throw CLI::RequiredError("FILE (or --list)");
        emit({compute(*o, load_input(o->input))}, o->output, *command);
    });
}

}  // namespace cohesion::cli
