// `cohesion compare A B`: the same indices on two tables (two towns, or two years) with
// the difference, its bootstrap confidence interval and a p-value.
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/inference_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "core/error.hpp"
#include "indices/index_suite.hpp"
#include "inference/bootstrap_summary.hpp"
#include "inference/comparison.hpp"

namespace cohesion::cli {

namespace {

struct CompareOptions {
    InputOptionValues input;
    OutputOptionValues output;
    SecondTableValues b;
    std::vector<std::string> where_a;
    std::vector<std::string> indices;
    std::vector<std::string> focal;
    int bootstrap = 200;
    double confidence = 0.95;
    std::string interval = "debiased";
    std::uint64_t seed = 20170601;
};

ResultTable run(CompareOptions& o) {
    InputOptionValues a = o.input;
    a.input.where.insert(a.input.where.end(), o.where_a.begin(), o.where_a.end());
    const Table table_a = load_input(a);
    const Table table_b = load_second_table(o.input, table_a, o.b);

    SuiteRequest request;
    request.indices = o.indices;
    request.focal = o.focal;
    request.include_stochastic = false;  // a simulated index inside a bootstrap is too slow to be useful
    request.params.seed = o.seed;
    const SuitePlan plan_a = plan_suite(table_a, request);
    const SuitePlan plan_b = plan_suite(table_b, request);
    if (plan_a.items.size() != plan_b.items.size())
        throw Error("the two tables do not have the same groups, so their indices cannot be paired");

    ResultTable out;
    out.title = "Comparison of segregation indices (B - A)";
    out.notes.push_back("A: " + a.input.path + (a.input.where.empty() ? "" : " where " + fmt::format("{}", fmt::join(a.input.where, ", "))));
    out.notes.push_back("B: " + (o.b.path.empty() ? a.input.path : o.b.path) +
                        (o.b.where.empty() ? "" : " where " + fmt::format("{}", fmt::join(o.b.where, ", "))));
    const IntervalMethod method = parse_interval_method(o.interval);
    out.notes.push_back(fmt::format("{} independent bootstrap replicates of each table, seed {}; interval method '{}': {}; "
                                    "A, B and difference are estimates of that method (raw_* = on the data as given); "
                                    "std_error and the interval are of the difference; p is two-sided",
                                    o.bootstrap, o.seed, to_string(method), describe(method, o.confidence)));
    out.columns = {"index", "focal", "versus", "A", "B", "difference", "raw_A", "raw_B", "raw_difference",
                   "std_error", "ci_lower", "ci_upper", "p_value"};
    for (std::size_t k = 0; k < plan_a.items.size(); ++k) {
        const auto& item = plan_a.items[k];
        if (item.focal != plan_b.items[k].focal)
            throw Error("the two tables do not have the same groups (" + item.focal + " vs " + plan_b.items[k].focal + ")");
        const auto c = compare_tables(*item.index, plan_a.views[item.view], plan_b.views[plan_b.items[k].view],
                                      request.params, BootstrapOptions{o.bootstrap, o.confidence, o.seed, {}, {}}, method);
        out.add_row({item.index->info.name, item.focal, item.comparison, c.value_a, c.value_b, c.difference.estimate,
                     c.a.raw_value, c.b.raw_value, c.raw_difference, c.difference.standard_error,
                     c.difference.ci_lower, c.difference.ci_upper, c.p_value});
    }
    return out;
}

}  // namespace

void add_compare_command(CLI::App& app) {
    auto o = std::make_shared<CompareOptions>();
    auto* command = app.add_subcommand(
        "compare", "Compare indices between two tables (two towns or two years): difference, bootstrap CI, p-value");
    add_input_options(*command, o->input, "A");
    add_second_table_options(*command, o->b, "Second table (default: the same file as A, with --where-b)", false);
    command->add_option("--where-a", o->where_a, "Extra LEVEL=VALUE filter for A only (repeatable)");
    command->add_option("--index,-i", o->indices, "Index name(s) (default: all deterministic indices)")->delimiter(',');
    command->add_option("--group,-g", o->focal, "Focal group(s) for two-group indices (default: every group)")->delimiter(',');
    command->add_option("--bootstrap", o->bootstrap, "Bootstrap replicates per table")->default_val(200)->check(CLI::Range(2, 100000));
    command->add_option("--confidence", o->confidence, "Confidence level")->default_val(0.95)->check(CLI::Range(0.5, 0.999));
    add_interval_option(*command, o->interval, "Options");
    command->add_option("--seed", o->seed, "Random seed")->default_val(20170601);
    add_output_options(*command, o->output);
    command->callback([o, command] { emit({run(*o)}, o->output, *command); });
}

}  // namespace cohesion::cli
