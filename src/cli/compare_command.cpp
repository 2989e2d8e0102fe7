// `cohesion compare A B`: the same indices on two tables (two towns, or two years) with
// the difference, its bootstrap confidence interval and a p-value.
#include <fmt/format.h>

#include <optional>

#include "cli/command.hpp"
#include "cli/progress_bar.hpp"
#include "cli/inference_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "analysis/comparison_table.hpp"

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
    std::uint64_t seed = 20170601;
    std::string interval = "debiased";
};

ResultTable run(CompareOptions& o) {
    InputOptionValues a = o.input;
    a.input.where.insert(a.input.where.end(), o.where_a.begin(), o.where_a.end());
    const Table table_a = load_input(a);
    const Table table_b = load_second_table(o.input, table_a, o.b);

    ComparisonRequest request;
    request.indices = o.indices;
    request.focal = o.focal;
    request.bootstrap = o.bootstrap;
    request.confidence = o.confidence;
    request.seed = o.seed;
    request.interval = parse_interval_method(o.interval);
    request.label_a = a.input.path + (a.input.where.empty() ? "" : " where " + fmt::format("{}", fmt::join(a.input.where, ", ")));
    request.label_b = (o.b.path.empty() ? a.input.path : o.b.path) +
                      (o.b.where.empty() ? "" : " where " + fmt::format("{}", fmt::join(o.b.where, ", ")));
    std::optional<ProgressBar> progress;  // made at the first report, when the number of indices is known
    request.progress = [&progress](std::size_t, std::size_t total) {
        if (!progress) progress.emplace("indices compared (bootstrap of both tables)", total);
        progress->advance();
    };
    return comparison_table(table_a, table_b, request);
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
    command->add_option("--seed", o->seed, "Random seed")->default_val(20170601);
    add_interval_option(*command, o->interval, "Options");
    add_output_options(*command, o->output);
    command->callback([o, command] { emit({run(*o)}, o->output, *command); });
}

}  // namespace cohesion::cli
