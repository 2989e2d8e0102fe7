// `cohesion atlas`: every local authority of a national table at once — D, isolation, M, H,
// chance levels, hierarchy decomposition, national ranks and peers — written as one tidy CSV
// per measure plus a GeoPackage of LAD polygons, into an output folder swapped in whole on
// success. The work is src/atlas; this file reads options, runs units and writes files.
#include <fmt/format.h>
#include <tbb/global_control.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "atlas/atlas_folder.hpp"
#include "atlas/atlas_tables.hpp"
#include "atlas/census2021_table.hpp"
#include "atlas/town_directory.hpp"
#include "cli/atlas_runner.hpp"
#include "cli/command.hpp"
#include "cli/inference_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/shared_data_folder.hpp"
#include "cli/staged_output_folder.hpp"
#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "geo/area_layer.hpp"
#include "geo/layer_writer.hpp"
#include "output/atomic_file.hpp"
#include "report/atlas_page.hpp"

namespace cohesion::cli {

namespace {

// Where the lookup and boundaries are found by default: beside the given table when it sits
// in a shared-data folder (one with lookups/), else $COHESION_SHARED_DATA, else ../shared/data.
std::string shared_data(const std::string& table) {
    if (!table.empty()) {
        const auto folder = std::filesystem::path(table).parent_path();
        if (std::filesystem::is_directory(folder / "lookups")) return folder.string();
    }
    return shared_data_folder();
}

struct AtlasCommandOptions {
    InputOptionValues input;
    OutputOptionValues output;
    AtlasOptions atlas;
    std::string interval = "debiased";
    std::string folder;
    std::string lookup, boundaries;
    std::string town;
    std::string schemes = "data/schemes";
    int census = 2011;
    std::string from, measure, group;  // --from: read a finished atlas back (the /api/atlas twin)
    int threads = 0;
};

void write_outputs(const NationalAtlas& atlas, const TownDirectory& directory, const AtlasCommandOptions& o) {
    StagedOutputFolder staged(o.folder);
    const std::filesystem::path dir = staged.path();
    auto csv = [&](const std::string& name, const ResultTable& t) {
        write_file_atomically((dir / name).string(), render_csv(t));
    };
    if (wants(o.atlas, "dissimilarity"))
        csv("dissimilarity.csv", atlas_measure_table(atlas, directory, {"dissimilarity"}, "Dissimilarity D by LAD"));
    if (wants(o.atlas, "isolation"))
        csv("isolation.csv", atlas_measure_table(atlas, directory, {"isolation"}, "Isolation by LAD"));
    if (wants(o.atlas, "mutual_information"))
        csv("mutual_information.csv", atlas_measure_table(atlas, directory, {"mutual_information", "information_theory"},
                                                          "M and H by LAD"));
    if (wants(o.atlas, "decomposition")) csv("decomposition.csv", atlas_decomposition_table(atlas, directory));
    if (!atlas.change.empty()) csv("change.csv", atlas_change_table(atlas, directory));
    csv("peers.csv", atlas_peer_table(atlas));
    csv("towns.csv", atlas_town_table(atlas, directory));
    std::vector<std::string> notes = atlas.notes;
    if (!o.boundaries.empty()) {
        const ResultTable map = atlas_map_table(atlas, directory);
        const AreaLayer layer = load_area_layer(o.boundaries);
        write_result_layer(map, layer, (dir / "atlas.gpkg").string(), "atlas");
        std::size_t unmapped = 0;
        for (const auto& t : directory.towns) unmapped += t.code.empty();
        if (o.census == 2021)
            notes.push_back(fmt::format("atlas.gpkg: {} of {} local authorities drawn with the polygons of {}",
                                        map.rows.size(), atlas.units.size(), o.boundaries));
        else
            notes.push_back(fmt::format("atlas.gpkg: {} of {} LADs drawn with the 2021 LTLA polygons of {}; {} 2011 "
                                        "LADs were merged by 2021 and have no polygon of their own (towns.csv 'became')",
                                        map.rows.size(), atlas.units.size(), o.boundaries, unmapped));
    }
    std::string text;
    for (const auto& n : notes) text += n + "\n";
    write_file_atomically((dir / "notes.txt").string(), text);
    // The static choropleth page, drawn from the files just written (what a reader of the folder sees).
    write_file_atomically((dir / "atlas.html").string(), atlas_page_html(read_atlas_folder(dir.string())));
    staged.name_final_folder_in_text_outputs();
    staged.commit();
}

}  // namespace

void add_atlas_command(CLI::App& app) {
    auto o = std::make_shared<AtlasCommandOptions>();
    auto* command = app.add_subcommand(
        "atlas",
        "Every local authority at once: D and isolation of each group, M and H, the values expected by chance, where in "
        "the hierarchy segregation lies, national ranks with intervals and peer towns (docs/atlas.md). Under mpirun "
        "(MPI build) the LADs are spread over the ranks.");
    add_input_options(*command, o->input, "FILE", false);
    command->add_option("FILE", o->input.input.path,
                        "National OA table with LSOA, MSOA, LAD and RGN columns (default: "
                        "ew2011_oa_ethnicity.csv.gz in $COHESION_SHARED_DATA or ../shared/data; the lookup and "
                        "boundaries are looked for beside the table first)");
    const std::string a = "Atlas";
    command->add_option("--out", o->folder, "Output folder (written whole on success, untouched on failure)")->group(a);
    command->add_option("--measures", o->atlas.measures,
                        "Measures: dissimilarity, isolation, mutual_information, decomposition, change (2011 -> 2021 "
                        "per LAD in five broad groups; 2011 atlas only) (default: all)")
        ->delimiter(',')->group(a);
    command->add_option("--census", o->census,
                        "2011: the 2011 LADs of the OA table (14 groups); 2021: the 2021 local authorities (LTLAs) of "
                        "the Census 2021 OA tables in ew2021_oa/ (five broad groups, counts estimated from percentages)")
        ->default_val(2011)->check(CLI::IsMember({2011, 2021}))->group(a);
    command->add_option("--schemes", o->schemes,
                        "Folder of group schemes for the change table (ethnicity2011_broad5.csv, ethnicity2021_broad5.csv)")
        ->default_val("data/schemes")->group(a);
    command->add_option("--peers", o->atlas.peers, "Peer towns per town")->default_val(10)->check(CLI::Range(0, 1000))->group(a);
    command->add_option("--lookup", o->lookup,
                        "LSOA 2011 -> 2021 lookup giving LAD codes (default: lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz "
                        "in the shared data)")->group(a);
    command->add_option("--boundaries", o->boundaries,
                        "LAD polygons for atlas.gpkg (default: ew_boundaries/ltla2021.gpkg in the shared data; "
                        "'none' to skip)")->group(a);
    command->add_option("--town", o->town,
                        "Resolve a local authority name or code (any case) and print its selection, then exit")->group(a);
    command->add_option("--from", o->from,
                        "Read a finished atlas folder back and print one measure and group by local authority "
                        "(with --measure, --group; what the server's /api/atlas answers)")->group(a);
    command->add_option("--measure", o->measure,
                        "With --from: dissimilarity (default), isolation, mutual_information or information_theory")
        ->group(a);
    command->add_option("--group", o->group, "With --from: the group (default: the measure's first)")->group(a);
    const std::string inf = "Inference";
    command->add_option("--bootstrap", o->atlas.bootstrap, "Bootstrap replicates per LAD (0 = none)")
        ->default_val(0)->check(CLI::Range(0, 100000))->group(inf);
    command->add_option("--randomisation,--randomization", o->atlas.randomisation,
                        "Randomisation replicates per LAD for the values expected by chance (0 = none)")
        ->default_val(20)->check(CLI::Range(0, 100000))->group(inf);
    command->add_option("--confidence", o->atlas.confidence, "Confidence level of intervals")
        ->default_val(0.95)->check(CLI::Range(0.5, 0.999))->group(inf);
    add_interval_option(*command, o->interval, inf);
    add_ranking_rule_options(*command, o->atlas.rule, inf);
    command->add_option("--seed", o->atlas.seed, "Atlas seed (each LAD's seed is derived from it and the LAD's name)")
        ->default_val(20170601)->group(inf);
    command->add_option("--threads", o->threads,
                        "Threads per process (0 = every core); under mpirun, e.g. 1 thread per rank")
        ->default_val(0)->check(CLI::Range(0, 4096))->group(a);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        if (!o->from.empty()) {
            emit({atlas_choropleth_table(read_atlas_folder(o->from), o->measure, o->group)}, o->output, *command);
            return;
        }
        std::optional<tbb::global_control> limit;
        if (o->threads > 0)
            limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(o->threads));
        o->atlas.interval = parse_interval_method(o->interval);
        check_atlas_options(o->atlas);
        if (o->census == 2021 && !o->input.input.path.empty())
            throw Error(Location{"", 0, "--census"},
                        "--census 2021 reads the Census 2021 OA tables of the shared data folder; give no FILE (or "
                        "use --where to choose local authorities)");
        const std::string data = shared_data(o->input.input.path);
        const bool census2021 = o->census == 2021;
        if (census2021 && wants(o->atlas, "change") && !o->atlas.measures.empty())
            throw Error(Location{"", 0, "--measures"}, "the change table is part of the 2011 atlas (--census 2011)");
        if (o->input.input.path.empty() && !census2021) o->input.input.path = data + "/ew2011_oa_ethnicity.csv.gz";
        if (o->lookup.empty()) o->lookup = data + "/lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz";
        if (o->boundaries.empty()) o->boundaries = data + "/ew_boundaries/ltla2021.gpkg";
        if (o->boundaries == "none") o->boundaries.clear();
        Table national = census2021 ? load_census2021_atlas_table(data) : load_input(o->input);
        if (census2021) {
            // The input options' filters and merges, applied to the 2021 table as to any other.
            for (const auto& w : o->input.input.where) national = filter_areas(national, w);
            for (const auto& m : o->input.input.merges) national = merge_groups(national, m);
            if (!o->input.select_csv.empty()) throw Error(Location{"", 0, "--groups"}, "not available with --census 2021");
        }
        const TownDirectory directory =
            census2021 ? census2021_town_directory(national)
                       : make_town_directory(national, o->lookup == "none" ? "" : o->lookup, o->atlas.unit_level,
                                             o->atlas.hierarchy.front(), o->atlas.region_level);
        if (!o->town.empty()) {
            const TownSelection s = resolve_town(directory, o->town);
            ResultTable t;
            t.title = "Town";
            t.columns = {"name", "code", "area_filter"};  // the --where value; "where" is an SQL keyword
            t.add_row({s.name, s.code, s.where});
            emit({t}, o->output, *command);
            return;
        }
        if (o->folder.empty()) throw CLI::RequiredError("--out");
        // The change table is built from the national 2011 OA table and the 2021 tables of the
        // shared data, so only for an atlas of that table.
        const bool national_2011 =
            std::filesystem::path(o->input.input.path).filename() == "ew2011_oa_ethnicity.csv.gz";
        if (!census2021 && wants(o->atlas, "change") && !national_2011 && !o->atlas.measures.empty())
            throw Error(Location{"", 0, "--measures"},
                        "the change table needs the national 2011 OA table (ew2011_oa_ethnicity.csv.gz) as FILE");
        // Run from outside the repository, the default scheme folder is not there: the atlas is
        // written without the change table and says so (an explicit --schemes must exist).
        const bool schemes_found = std::filesystem::is_directory(o->schemes);
        const bool change = !census2021 && wants(o->atlas, "change") && national_2011;
        if (change && !schemes_found && (command->get_option("--schemes")->count() > 0 || !o->atlas.measures.empty()))
            throw Error(Location{o->schemes, 0, "--schemes"}, "no such folder of group schemes (the change table "
                                                              "needs ethnicity2011_broad5.csv and ethnicity2021_broad5.csv)");
        const AtlasWorkList work = plan_atlas_units(national, o->atlas);
        std::optional<ProgressBar> bar;
        AtlasRun run = run_atlas_units(national, work, o->atlas, [&bar](std::size_t, std::size_t total) {
            if (!bar) bar.emplace("atlas (local authorities)", total);
            bar->advance();
        });
        bar.reset();
        if (!run.writes) return;
        NationalAtlas atlas = assemble_atlas(std::move(run.units), o->atlas, &national);
        if (change && !schemes_found) {
            atlas.notes.push_back("no change table: the group schemes folder " + o->schemes +
                                  " was not found (run from the repository or give --schemes)");
            std::cerr << "atlas: " << atlas.notes.back() << "\n";
        }
        if (change && schemes_found) {
            // 2011 -> 2021 per LAD on rank 0's threads: no bootstrap; about 8 CPU seconds nationally (BENCHMARKS.md).
            AtlasChangeSources sources = atlas_change_sources(data, o->schemes);
            sources.earlier_where = o->input.input.where;  // only the LADs of the atlas are read
            const AtlasChangeInputs inputs = load_atlas_change_inputs(sources, o->atlas.unit_level);
            std::vector<std::string> names;
            for (const auto& u : atlas.units) names.push_back(u.name);
            std::optional<ProgressBar> change_bar;
            atlas.change = compute_atlas_change(inputs, names, [&change_bar](std::size_t, std::size_t total) {
                if (!change_bar) change_bar.emplace("atlas (change 2011 -> 2021)", total);
                change_bar->advance();
            });
            atlas.notes.insert(atlas.notes.end(), inputs.notes.begin(), inputs.notes.end());
        }
        if (census2021)
            atlas.notes.push_back("Census 2021: 2021 local authorities (LTLAs) of ew2021_oa/oa2021_lookup.csv.gz; "
                                  "five broad groups; counts estimated as each output area's usual residents (TS001) "
                                  "times its TS021 percentages over their sum");
        write_outputs(atlas, directory, *o);
        std::string balance;
        for (std::size_t r = 0; r < run.units_per_rank.size(); ++r)
            balance += fmt::format("{}{}", r ? ", " : "; local authorities computed per rank: ", run.units_per_rank[r]);
        if (run.ranks > 1) balance += fmt::format("; {} bytes of results gathered", run.gathered_bytes);
        std::cerr << fmt::format("atlas: {} local authorities written to {} ({} process{}{})\n", atlas.units.size(),
                                 o->folder, run.ranks, run.ranks == 1 ? "" : "es", balance);
    });
}

}  // namespace cohesion::cli
