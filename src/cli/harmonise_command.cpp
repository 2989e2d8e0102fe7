// `cohesion harmonise`: move a count table onto another census geography through a
// lookup (e.g. 2011 LSOAs → 2021 LSOAs), splitting by the target areas' populations.
// The output is a wide table `cohesion` reads back (e.g. for `compare` across years).
#include "change/lookup_harmonisation.hpp"
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "core/error.hpp"
#include "io/wide_csv_loader.hpp"

namespace cohesion::cli {

namespace {

struct HarmoniseOptions;
std::string w_name(const HarmoniseOptions& o);

struct HarmoniseOptions {
    InputOptionValues input;
    OutputOptionValues output;
    std::string lookup;
    LookupOptions lookup_options;
    std::string weights_table, weights_column, weights_id;
    bool allow_unmatched = false;
};

ResultTable run(const HarmoniseOptions& o, const Table& table) {
    const GeographyLookup lookup = load_lookup(o.lookup, o.lookup_options);
    std::unordered_map<std::string, double> weights;
    if (!o.weights_table.empty()) {
        WideCsvOptions w;
        w.id_column = o.weights_id;
        w.group_columns = {o.weights_column.empty() ? std::string("total") : o.weights_column};
        w.total_column = "-";
        const Table t = load_wide_csv(o.weights_table, w);
        for (std::size_t i = 0; i < t.areas(); ++i) weights[t.area_codes()[i]] = t.count(i, 0);
    }
    const Harmonised h = harmonise(table, lookup, o.weights_table.empty() ? nullptr : &weights, o.allow_unmatched);
    ResultTable out;
    out.title = "Harmonised table";
    out.notes = h.table.history();
    for (const auto& line : h.report.lines()) out.notes.push_back(line);
    out.notes.push_back(o.weights_table.empty()
                            ? std::string("split rule: equal shares over each area's lookup rows")
                            : "split rule: in proportion to '" + w_name(o) + "' of the target areas in " + o.weights_table);
    out.notes.push_back("counts are estimates where areas were split (fractional people)");
    out.columns.push_back("code");
    for (const auto& level : h.table.levels()) out.columns.push_back(level.name);
    if (h.table.has_declared_total()) out.columns.push_back(h.table.declared_total_name());
    for (const auto& g : h.table.group_names()) out.columns.push_back(g);
    for (std::size_t i = 0; i < h.table.areas(); ++i) {
        std::vector<Cell> row{h.table.area_codes()[i]};
        for (const auto& level : h.table.levels()) row.emplace_back(level.labels[i]);
        if (h.table.has_declared_total()) row.emplace_back(h.table.declared_total()[i]);
        for (std::size_t g = 0; g < h.table.groups(); ++g) row.emplace_back(h.table.count(i, g));
        out.add_row(std::move(row));
    }
    return out;
}

std::string w_name(const HarmoniseOptions& o) { return o.weights_column.empty() ? "total" : o.weights_column; }

}  // namespace

void add_harmonise_command(CLI::App& app) {
    auto o = std::make_shared<HarmoniseOptions>();
    auto* command = app.add_subcommand(
        "harmonise", "Move counts onto another census geography through a lookup (e.g. LSOA 2011 -> 2021), splitting "
                     "areas in proportion to the target areas' populations; group totals are preserved");
    add_input_options(*command, o->input);
    auto* g = "Lookup";
    command->add_option("--lookup", o->lookup, "Lookup CSV (.csv or .csv.gz), one row per source-target link")
        ->required()->group(g);
    command->add_option("--from-column", o->lookup_options.from_column, "Lookup column with the table's area codes")
        ->required()->group(g);
    command->add_option("--to-column", o->lookup_options.to_column, "Lookup column with the target area codes")
        ->required()->group(g);
    command->add_option("--change-column", o->lookup_options.change_column,
                        "Lookup column with ONS change codes (U/S/M/X), for the report")->group(g);
    command->add_option("--lookup-level", o->lookup_options.level_columns,
                        "Lookup column(s) to keep as hierarchy levels, e.g. ltla22_code")->group(g);
    command->add_option("--weights-table", o->weights_table,
                        "Table of target-area populations used to split areas (e.g. the 2021 totals)")->group(g);
    command->add_option("--weights-column", o->weights_column, "Column of the weights table (default: total)")->group(g);
    command->add_option("--weights-id", o->weights_id, "Area code column of the weights table (default: the first)")->group(g);
    command->add_flag("--allow-unmatched", o->allow_unmatched,
                      "Drop (and report) areas missing from the lookup instead of stopping")->group(g);
    add_output_options(*command, o->output);
    command->callback([o, command] { emit({run(*o, load_input(o->input))}, o->output, *command); });
}

}  // namespace cohesion::cli
