// `cohesion report`: the town report — key figures, composition, who lives most apart
// (with intervals and the reference area's values), and maps — as one self-contained
// HTML file and/or a PDF, plus the per-area table. `report --town NAME` without a table
// builds the town's study from the national tables (as `run --town`), so the report also
// has the "compared with similar towns and England & Wales" and change sections.
#include <fmt/format.h>

#include <deque>
#include <filesystem>
#include <limits>
#include <set>

#include "analysis/town_profile.hpp"
#include "cli/command.hpp"
#include "cli/enclave_options.hpp"
#include "cli/input_options.hpp"
#include "cli/invocation.hpp"
#include "cli/output_clashes.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/shared_data_folder.hpp"
#include "cli/inference_options.hpp"
#include "cli/spatial_options.hpp"
#include "core/error.hpp"
#include "geo/layer_column.hpp"
#include "io/result_json.hpp"
#include "project/national_town.hpp"
#include "project/study_from_project.hpp"
#include "output/atomic_file.hpp"
#include "report/html_report.hpp"
#include "report/pdf_report.hpp"
#include "report/section_map.hpp"
#include "report/study_report.hpp"
#include "report/town_report.hpp"
#include "study/study.hpp"

namespace cohesion::cli {

namespace {

struct ReportOptions {
    InputOptionValues input;
    SpatialOptionValues spatial;
    TownProfileOptions profile;
    EnclaveOptionValues enclave;
    std::string reference, reference_name = "England & Wales", town, html, pdf, areas_csv;
    std::vector<std::string> sections;      // "TITLE=results.json"
    std::vector<std::string> section_maps;  // "TITLE=layer.geojson:COLUMN"
    std::string interval = "debiased";
    double hub_distance = 0.0;
    std::string data, schemes = "data/schemes";  // with --town and no table: the national tables
};

// The town's study from the national tables (project/national_town.hpp), without the
// targeting part (the report of `report --town` has the comparison and change sections).
StudySpec national_spec(const ReportOptions& o) {
    StudySpec spec = study_spec(national_town_project(shared_data_folder(o.data), o.schemes, o.town));
    spec.targeting.reset();
    if (!o.spatial.boundaries.empty()) {
        spec.boundaries = o.spatial.boundaries;
        spec.layer = o.spatial.layer;
    }
    return spec;
}

ReportSection included_section(const std::string& spec) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
        throw Error(Location{"", 0, "--section"}, "expected TITLE=RESULTS.json, got '" + spec + "'");
    ReportSection s;
    s.title = spec.substr(0, eq);
    s.tables = load_result_json(spec.substr(eq + 1));
    return s;
}

void run(ReportOptions& o) {
    if (o.html.empty() && o.pdf.empty()) throw Error(Location{"", 0, "--html"}, "give --html FILE and/or --pdf FILE");
    const bool national = o.input.input.path.empty();
    if (national && o.town.empty())
        throw Error(Location{"", 0, "FILE"}, "give a table FILE or --town NAME (a local authority of England and Wales)");
    ProgressBar progress("report", national ? 8 : 7);
    o.profile.step = [&progress](const std::string&) { progress.advance(); };
    StudySpec spec;
    if (national) {
        // The town's own selection replaces the table options; silently ignoring them would mislead.
        if (!o.input.input.where.empty() || !o.input.input.aggregate_to.empty() || !o.reference.empty())
            throw Error(Location{"", 0, "--town"},
                        "--where, --aggregate and --reference apply to a table FILE; with --town alone the study is "
                        "the town's LSOAs from the national tables (as `run --town`)");
        spec = national_spec(o);
    } else {
        spec.name = o.town;
        spec.table = resolve_input(o.input);
        spec.boundaries = o.spatial.boundaries;
        spec.layer = o.spatial.layer;
        spec.reference = o.reference;
        spec.reference_name = o.reference_name;
    }
    spec.weights = WeightsSpec{o.spatial.weights, o.spatial.snap};
    spec.bootstrap = o.profile.bootstrap;
    spec.permutations = o.profile.hot_spots.permutations;
    spec.seed = o.profile.seed;
    spec.enclave_rule = o.enclave.options;
    spec.places = o.enclave.places;
    const Study study(spec);
    progress.advance();
    // With the national tables: the comparison with similar towns and the change between
    // censuses, computed in memory as `run` computes them.
    std::vector<StudyStep> steps;
    std::vector<StudyOutput> outputs;
    if (national) {
        for (auto& step : study_plan(spec))
            if (step.command == "atlas" || step.command == "change") steps.push_back(std::move(step));
        for (const auto& step : steps) outputs.push_back(step.compute(study, StudyHooks{}));
        progress.advance();
    }

    StudyReportRequest request;
    request.profile = o.profile;
    request.hub_distance = o.hub_distance;
    request.command = invocation();
    request.version = COHESION_VERSION;
    request.generated = utc_timestamp();
    std::deque<AreaLayer> section_layers;  // alive until the document is rendered
    PlaceLayers places(o.enclave.places);
    for (const auto& spec_text : o.sections) {
        ReportSection s = included_section(spec_text);
        auto& target = section_titled(request.extra_sections, s.title);
        target.tables.insert(target.tables.end(), s.tables.begin(), s.tables.end());
    }
    for (const auto& spec_text : o.section_maps) {
        const auto eq = spec_text.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(Location{"", 0, "--section-map"}, "expected TITLE=LAYER:COLUMN, got '" + spec_text + "'");
        const std::string title = spec_text.substr(0, eq), rest = spec_text.substr(eq + 1);
        const auto colon = rest.rfind(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
            throw Error(Location{"", 0, "--section-map"}, "expected TITLE=LAYER:COLUMN, got '" + spec_text + "'");
        // The layer is read once: its CRS picks the places' projection, then it is mapped.
        AreaLayerOptions layer_options;
        layer_options.code_field = "area";
        const std::string path = rest.substr(0, colon), column = rest.substr(colon + 1);
        const AreaLayer& layer = section_layers.emplace_back(load_area_layer(path, layer_options));
        SectionMapOptions map_options;
        map_options.hub_distance_m = o.hub_distance;
        map_options.places = places.in_crs(layer.crs);
        // A hub layer (`target hubs -o`) numbers its hubs: the map names them as the hubs table does.
        LayerColumn hub_numbers;
        if (column == "site" && layer_has_field(path, "hub")) {
            hub_numbers = read_layer_column(path, "area", "hub");
            map_options.hub_numbers = &hub_numbers;
        }
        section_titled(request.extra_sections, title)
            .figures.push_back(section_map(title, layer, read_layer_column(path, "area", column), column, map_options));
    }
    const StudyReport report = study_report(study, steps, outputs, request);
    if (!o.html.empty()) write_file_atomically(o.html, render_html(report.document));
    if (!o.pdf.empty()) write_file_atomically(o.pdf, render_pdf(report.document));
    if (!o.areas_csv.empty()) write_file_atomically(o.areas_csv, render_csv(report.profile.areas));
}

}  // namespace

void add_report_command(CLI::App& app) {
    auto o = std::make_shared<ReportOptions>();
    auto* command = app.add_subcommand(
        "report", "Town report as self-contained HTML and/or PDF: key figures, composition against a reference area, "
                  "who lives most apart (with intervals), maps of shares, hot spots, enclaves and neighbourhood types");
    add_input_options(*command, o->input, "FILE", false);
    command->add_option("FILE", o->input.input.path,
                        "Count table: .csv or .csv.gz (wide, long or ONS bulk layout); omit it and give --town NAME "
                        "to report on any local authority from the national tables");
    add_spatial_options(*command, o->spatial);
    command->get_option("--boundaries")->required(false);  // without polygons the report has no maps
    auto* g = "Report";
    command->add_option("--html", o->html, "Write the HTML report here")->group(g);
    command->add_option("--pdf", o->pdf, "Write the PDF report here")->group(g);
    command->add_option("--areas-csv", o->areas_csv, "Also write the per-area table (CSV)")->group(g);
    command->add_option("--section", o->sections,
                        "Add a section of earlier results: TITLE=FILE.json (the --output of change, compare, target ...; "
                        "repeatable)")->group(g);
    command->add_option("--section-map", o->section_maps,
                        "Add a map to a section: TITLE=LAYER:COLUMN, a layer written by an earlier command "
                        "(e.g. \"Change over time=out/change.geojson:pace\"; repeatable)")->group(g);
    command->add_option("--hub-distance", o->hub_distance,
                        "Service distance of the hubs in a --section-map of hub catchments, drawn as a ring (metres)")
        ->check(CLI::Range(0.0, 1e6))->group(g);
    command->add_option("--town", o->town,
                        "With FILE: the name in the title (default: the --where value or the file name). Without FILE: "
                        "any local authority of England and Wales (name or code, any case), its study built from the "
                        "national tables as `run --town` does, with the comparison with similar towns and the change "
                        "2011 -> 2021")->group(g);
    command->add_option("--data", o->data,
                        "With --town and no FILE: the shared data folder (default: $COHESION_SHARED_DATA, else "
                        "../shared/data)")->group(g);
    command->add_option("--schemes", o->schemes, "With --town and no FILE: the folder of group schemes")
        ->default_val("data/schemes")->group(g);
    command->add_option("--group,-g", o->profile.focal,
                        "Group for the maps (default: the group ranked as living most apart; see --min-share)")
        ->group(g);
    command->add_option("--host", o->profile.host, "Host group of the neighbourhood typology (default: the largest)")
        ->group(g);
    command->add_option("--reference", o->reference,
                        "Reference table (e.g. the national file), read with the same options but no --where")
        ->group(g);
    command->add_option("--reference-name", o->reference_name, "Name of the reference area")
        ->default_val("England & Wales")->group(g);
    command->add_option("--bootstrap", o->profile.bootstrap, "Bootstrap replicates for the intervals")
        ->default_val(100)->check(CLI::Range(2, 100000))->group(g);
    command->add_option("--randomisation,--randomization", o->profile.randomisation,
                        "Random allocations used to tell which groups' D exceeds chance (0 = skip the test)")
        ->default_val(100)->check(CLI::Range(0, 100000))->group(g);
    add_interval_option(*command, o->interval, g);
    add_ranking_rule_options(*command, o->profile.rule, g);
    add_enclave_options(*command, o->enclave, false);
    command->add_option("--permutations", o->profile.hot_spots.permutations, "Permutations for hot spots")
        ->default_val(999)->check(CLI::Range(19, 1000000))->group(g);
    command->add_option("--seed", o->profile.seed, "Random seed")->default_val(20170601)->group(g);
    command->add_flag_callback("--quiet,-q", [] { set_progress_quiet(true); }, "Do not print progress on stderr")
        ->group(g);
    command->callback([o, command] {
        o->profile.hot_spots.seed = o->profile.seed;
        o->profile.interval = parse_interval_method(o->interval);
        if (o->profile.randomisation == 1)
            throw Error(Location{"", 0, "--randomisation"}, "expected 0 or at least 2 random allocations");
        // Before the long computation, so a clash costs nothing.
        std::vector<NamedOutput> outputs;
        for (const auto& [option, path] : {std::pair{"--html", &o->html}, {"--pdf", &o->pdf}, {"--areas-csv", &o->areas_csv}})
            if (!path->empty()) outputs.push_back({option, *path});
        refuse_clashing_outputs(*command, outputs);
        run(*o);
    });
}

}  // namespace cohesion::cli
