// `cohesion harmonise`: move a count table onto another census geography, through a
// lookup (e.g. 2011 LSOAs → 2021 LSOAs, splitting by the target areas' populations) or,
// where no lookup exists, by areal-weighted interpolation between two boundary layers
// (optionally dasymetric). The output is a wide table `cohesion` reads back (e.g. for
// `change` or `compare` across years), or a map layer of the target areas.
#include "analysis/table_result.hpp"
#include "change/areal_interpolation.hpp"
#include "change/lookup_harmonisation_job.hpp"
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "io/wide_csv_loader.hpp"

namespace cohesion::cli {

namespace {

struct HarmoniseOptions;

struct HarmoniseOptions {
    InputOptionValues input;
    OutputOptionValues output;
    LookupHarmonisationJob job;  // lookup, its columns, split weights, allow_unmatched
    std::string from_boundaries, to_boundaries;
    AreaLayerOptions from_layer, to_layer;
    std::string dasymetric_table, dasymetric_boundaries;
};


struct Interpolation {
    ResultTable result;
    AreaLayer target;
};

Interpolation interpolate(const HarmoniseOptions& o, const Table& table) {
    const AreaLayer source = load_area_layer(o.from_boundaries, o.from_layer);
    AreaLayerOptions to = o.to_layer;
    to.target_crs = source.crs;  // overlaps need one CRS
    AreaLayer target = load_area_layer(o.to_boundaries, to);
    ArealInterpolationOptions options;
    options.allow_unmatched = o.job.allow_unmatched;
    options.progress = counted_progress("areal interpolation: source areas overlaid");
    PopulationPoints points;
    if (!o.dasymetric_table.empty()) {
        // Finer areas' populations at their centroids: a table of totals plus its polygons.
        const Table fine = load_weights_table(o.dasymetric_table, "", o.job.weights_column);
        AreaLayerOptions fine_options;
        fine_options.target_crs = source.crs;
        const AreaLayer fine_layer = load_area_layer(o.dasymetric_boundaries, fine_options);
        std::unordered_map<std::string, std::size_t> row;
        for (std::size_t i = 0; i < fine.areas(); ++i) row.emplace(fine.area_codes()[i], i);
        points.source = o.dasymetric_table;
        for (std::size_t f = 0; f < fine_layer.size(); ++f) {
            const auto it = row.find(fine_layer.codes[f]);
            if (it == row.end()) continue;
            points.x.push_back(fine_layer.centroid_x[f]);
            points.y.push_back(fine_layer.centroid_y[f]);
            points.population.push_back(fine.count(it->second, 0));
        }
        if (points.x.empty())
            throw Error(o.dasymetric_table + ": no area code matches a polygon of " + o.dasymetric_boundaries);
        options.dasymetric = &points;
    }
    const ArealInterpolated r = areal_interpolate(table, source, target, options);
    std::vector<std::string> notes = r.table.history();
    for (const auto& line : r.report.lines()) notes.push_back(line);
    notes.push_back("counts are estimates (fractional people): they assume people are spread evenly over each source "
                    "area" + std::string(options.dasymetric ? " or, dasymetrically, like the finer population" : ""));
    return {table_result(r.table, notes), std::move(target)};
}

ResultTable run(const HarmoniseOptions& o, const Table& table) {
    HarmonisedTable h = harmonise_with_lookup(table, o.job, counted_progress("harmonise: areas apportioned"));
    return table_result(h.table, std::move(h.notes));
}



}  // namespace

void add_harmonise_command(CLI::App& app) {
    auto o = std::make_shared<HarmoniseOptions>();
    auto* command = app.add_subcommand(
        "harmonise", "Move counts onto another census geography, through a lookup (e.g. LSOA 2011 -> 2021, splitting "
                     "areas in proportion to the target areas' populations) or by areal-weighted interpolation between "
                     "two boundary layers (--from-boundaries/--to-boundaries, optionally dasymetric); group totals are "
                     "preserved either way");
    add_input_options(*command, o->input);
    auto* g = "Lookup";
    auto* lookup = command->add_option("--lookup", o->job.lookup, "Lookup CSV (.csv or .csv.gz), one row per source-target link")
        ->group(g);
    command->add_option("--from-column", o->job.options.from_column, "Lookup column with the table's area codes")
        ->needs(lookup)->group(g);
    command->add_option("--to-column", o->job.options.to_column, "Lookup column with the target area codes")
        ->needs(lookup)->group(g);
    command->add_option("--change-column", o->job.options.change_column,
                        "Lookup column with ONS change codes (U/S/M/X), for the report")->group(g);
    command->add_option("--lookup-level", o->job.options.level_columns,
                        "Lookup column(s) to keep as hierarchy levels, e.g. ltla22_code")->group(g);
    command->add_option("--weights-table", o->job.weights_table,
                        "Table of target-area populations used to split areas (e.g. the 2021 totals)")->group(g);
    command->add_option("--weights-column", o->job.weights_column, "Column of the weights table (default: total)")->group(g);
    command->add_option("--weights-id", o->job.weights_id, "Area code column of the weights table (default: the first)")->group(g);
    command->add_flag("--allow-unmatched", o->job.allow_unmatched,
                      "Drop (and report) areas missing from the lookup or boundaries instead of stopping")->group(g);
    auto* a = "Areal interpolation (no lookup)";
    auto* from = command->add_option("--from-boundaries", o->from_boundaries,
                                     "Polygons of the table's areas (any OGR source)")->excludes(lookup)->group(a);
    auto* to = command->add_option("--to-boundaries", o->to_boundaries, "Polygons of the target areas")
                   ->excludes(lookup)->group(a);
    from->needs(to);
    to->needs(from);
    command->add_option("--from-code-field", o->from_layer.code_field, "Code field of --from-boundaries (default: auto)")
        ->group(a);
    command->add_option("--to-code-field", o->to_layer.code_field, "Code field of --to-boundaries (default: auto)")
        ->group(a);
    auto* dt = command->add_option("--dasymetric-table", o->dasymetric_table,
                                   "Populations of finer areas (e.g. output areas; column --weights-column, default "
                                   "total) to split by people rather than by area")->needs(from)->group(a);
    auto* db = command->add_option("--dasymetric-boundaries", o->dasymetric_boundaries,
                                   "Polygons of the finer areas (their centroids locate the people)")->group(a);
    dt->needs(db);
    db->needs(dt);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        if (o->job.lookup.empty() && o->from_boundaries.empty())
            throw CLI::RequiredError("--lookup (with --from-column/--to-column) or --from-boundaries/--to-boundaries");
        if (!o->job.lookup.empty() && (o->job.options.from_column.empty() || o->job.options.to_column.empty()))
            throw CLI::RequiredError("--from-column and --to-column");
        const Table table = load_input(o->input);
        if (o->job.lookup.empty()) {
            const Interpolation r = interpolate(*o, table);
            return emit_spatial({r.result}, r.result, r.target, o->output, *command);
        }
        emit({run(*o, table)}, o->output, *command);
    });
}

}  // namespace cohesion::cli
