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
#include "atlas/town_directory.hpp"
#include "cli/atlas_runner.hpp"
#include "cli/command.hpp"
#include "cli/inference_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/staged_output_folder.hpp"
#include "core/error.hpp"
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
    if (const char* env = std::getenv("COHESION_SHARED_DATA"); env && *env) return env;
    return "../shared/data";
}

struct AtlasCommandOptions {
    InputOptionValues input;
    OutputOptionValues output;
    AtlasOptions atlas;
    std::string interval = "debiased";
    std::string folder;
    std::string lookup, boundaries;
    std::string town;
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
    csv("peers.csv", atlas_peer_table(atlas));
    csv("towns.csv", atlas_town_table(atlas, directory));
    std::vector<std::string> notes = atlas.notes;
    if (!o.boundaries.empty()) {
        const ResultTable map = atlas_map_table(atlas, directory);
        const AreaLayer layer = load_area_layer(o.boundaries);
        write_result_layer(map, layer, (dir / "atlas.gpkg").string(), "atlas");
        std::size_t unmapped = 0;
        for (const auto& t : directory.towns) unmapped += t.code.empty();
        notes.push_back(fmt::format("atlas.gpkg: {} of {} LADs drawn with the 2021 LTLA polygons of {}; {} 2011 LADs "
                                    "were merged by 2021 and have no polygon of their own (towns.csv 'became')",
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
                        "Measures: dissimilarity, isolation, mutual_information, decomposition (default: all)")
        ->delimiter(',')->group(a);
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
        const std::string data = shared_data(o->input.input.path);
        if (o->input.input.path.empty()) o->input.input.path = data + "/ew2011_oa_ethnicity.csv.gz";
        if (o->lookup.empty()) o->lookup = data + "/lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz";
        if (o->boundaries.empty()) o->boundaries = data + "/ew_boundaries/ltla2021.gpkg";
        if (o->boundaries == "none") o->boundaries.clear();
        o->atlas.interval = parse_interval_method(o->interval);
        check_atlas_options(o->atlas);
        const Table national = load_input(o->input);
        const TownDirectory directory = make_town_directory(national, o->lookup == "none" ? "" : o->lookup,
                                                            o->atlas.unit_level, o->atlas.hierarchy.front(),
                                                            o->atlas.region_level);
        if (!o->town.empty()) {
            const TownSelection s = resolve_town(directory, o->town);
            ResultTable t;
            t.title = "Town";
            t.columns = {"name", "code", "where"};
            t.add_row({s.name, s.code, s.where});
            emit({t}, o->output, *command);
            return;
        }
        if (o->folder.empty()) throw CLI::RequiredError("--out");
        const AtlasWorkList work = plan_atlas_units(national, o->atlas);
        std::optional<ProgressBar> bar;
        AtlasRun run = run_atlas_units(national, work, o->atlas, [&bar](std::size_t, std::size_t total) {
            if (!bar) bar.emplace("atlas (local authorities)", total);
            bar->advance();
        });
        bar.reset();
        if (!run.writes) return;
        const NationalAtlas atlas = assemble_atlas(std::move(run.units), o->atlas, &national);
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
