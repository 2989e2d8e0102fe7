// `cohesion change A B`: how fast each area's make-up changed between two censuses on
// the same geography (harmonise the earlier table first), which areas changed fastest,
// and the town's change group by group.
#include <fmt/format.h>

#include <optional>

#include "analysis/change_tables.hpp"
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "core/error.hpp"
#include "io/table_input.hpp"

namespace cohesion::cli {

namespace {

struct ChangeOptions {
    InputOptionValues input;
    OutputOptionValues output;
    SecondTableValues b;
    PaceOptions pace;
    std::string boundaries;
    AreaLayerOptions layer;
    std::string national_a, national_b, national_scheme_a, national_scheme_b;
};

// Each group's share of a whole reference table (e.g. England & Wales), in `groups` order.
// The reference area's table in one year, mapped with its scheme onto the town's groups.
Table national_table(const std::string& path, const std::string& scheme) {
    TableInput input;
    input.path = path;
    input.scheme_path = scheme;
    return load_table(input);
}

std::vector<ResultTable> run(ChangeOptions& o) {
    const Table a = load_input(o.input);
    const Table b = load_second_table(o.input, a, o.b);
    ChangeTableOptions options;
    options.pace = o.pace;
    options.label_a = o.input.input.path;
    options.label_b = o.b.path;
    if (o.national_a.empty() != o.national_b.empty())
        throw Error(Location{"", 0, o.national_a.empty() ? "--national-a" : "--national-b"},
                    "give both --national-a and --national-b (the reference area in each year)");
    std::optional<Table> nat_a, nat_b;
    if (!o.national_a.empty()) {
        nat_a = national_table(o.national_a, o.national_scheme_a.empty() ? o.input.input.scheme_path : o.national_scheme_a);
        nat_b = national_table(o.national_b, o.national_scheme_b.empty() ? o.b.scheme : o.national_scheme_b);
        options.national = NationalChange{o.national_a + " -> " + o.national_b, &*nat_a, &*nat_b};
    }
    return change_tables(a, b, options);
}

}  // namespace

void add_change_command(CLI::App& app) {
    auto o = std::make_shared<ChangeOptions>();
    auto* command = app.add_subcommand(
        "change", "Pace of change between two censuses on the same areas: shares, percentage-point change, growth, "
                  "the fastest-changing areas, and why segregation (Theil's M) changed: Shapley decomposition into "
                  "group composition, area sizes and structural change, with each area's share of the latter");
    add_input_options(*command, o->input, "A");
    add_second_table_options(*command, o->b, "Later table, on the same geography as A (harmonise A first)", true);
    auto* c = "Change";
    command->add_option("--years", o->pace.years, "Years between the censuses")->default_val(10.0)->group(c);
    command->add_option("--top", o->pace.top_share, "Flag this share of areas as fast-changing")
        ->default_val(0.10)->check(CLI::Range(0.001, 1.0))->group(c);
    command->add_option("--threshold", o->pace.threshold, "Flag areas whose pace is at least this (overrides --top)")
        ->group(c);
    auto* n = "National comparison";
    command->add_option("--national-a", o->national_a,
                        "Reference table for A's year (e.g. all England & Wales LSOAs 2011): its group shares are "
                        "compared with the town's")->group(n);
    command->add_option("--national-b", o->national_b, "Reference table for B's year")->group(n);
    command->add_option("--national-scheme-a", o->national_scheme_a,
                        "Group scheme for --national-a (default: --scheme)")->group(n);
    command->add_option("--national-scheme-b", o->national_scheme_b,
                        "Group scheme for --national-b (default: --scheme-b)")->group(n);
    add_output_options(*command, o->output);
    add_map_output_options(*command, o->boundaries, o->layer);
    command->callback([o, command] {
        const auto results = run(*o);
        emit_with_boundaries(results, o->boundaries, o->layer, o->output, *command);
    });
}

}  // namespace cohesion::cli
