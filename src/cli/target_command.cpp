// `cohesion target esol|hubs|licensing`: aiming scarce help with Census 2021 OA tables —
// where English (ESOL) classes are most needed, where integration hubs should go, and
// which areas to screen for selective landlord licensing. The analyses live in
// src/analysis (esol_targeting, hub_siting, licensing_screen); this file is their options.
#include <memory>

#include <fmt/format.h>

#include "analysis/esol_targeting.hpp"
#include "analysis/hub_siting.hpp"
#include "analysis/licensing_screen.hpp"
#include "cli/census_options.hpp"
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/spatial_options.hpp"

namespace cohesion::cli {

namespace {

struct EsolCommand {
    CensusSource census;
    EsolTargetingOptions esol;
    std::vector<std::string> weights_text{"need=0.4", "isolation=0.2", "accession=0.2", "private_rented=0.2"};
    OutputOptionValues output;
    std::string boundaries;
    AreaLayerOptions layer;
};

struct HubCommand {
    CensusSource census;
    HubSitingOptions hubs;
    std::string boundaries, demand_points;
    AreaLayerOptions layer;
    OutputOptionValues output;
};

struct LicensingCommand {
    CensusSource census;
    LicensingScreenOptions screen;
    SpatialOptionValues spatial;
    OutputOptionValues output;
};

}  // namespace

void add_target_command(CLI::App& app) {
    auto* target = app.add_subcommand(
        "target", "Aim help: ESOL need and isolation risk, integration-hub siting, selective licensing screen "
                  "(Census 2021 output-area tables)");
    target->require_subcommand(1);

    auto e = std::make_shared<EsolCommand>();
    auto* esol = target->add_subcommand(
        "esol", "Rank areas by ESOL need (smoothed, with intervals) and an isolation-risk score; people reached by "
                "serving the top k areas");
    add_census_options(*esol, e->census);
    auto* g = "ESOL";
    esol->add_option("--neighbourhood", e->esol.neighbourhood, "Lookup level for the residential-isolation component")
        ->default_val("msoa21cd")->group(g);
    esol->add_option("--score-weights", e->weights_text,
                     "Component weights NAME=W for need, isolation, accession, private_rented")
        ->delimiter(',')->default_str("need=0.4,isolation=0.2,accession=0.2,private_rented=0.2")->group(g);
    esol->add_option("--top", e->esol.top, "Areas flagged as priority")->default_val(10)->check(CLI::Range(1, 1000000))->group(g);
    esol->add_option("--confidence", e->esol.confidence, "Credible-interval level")->default_val(0.95)
        ->check(CLI::Range(0.5, 0.999))->group(g);
    add_output_options(*esol, e->output);
    esol->add_option("--boundaries", e->boundaries, "Polygons of the areas, to write the ranking as a map layer")
        ->group("Output");
    esol->callback([e, esol] {
        e->esol.weights = parse_score_weights(e->weights_text);
        auto results = esol_targeting(CensusTopics(e->census), e->esol);
        // On a terminal the ranking shows the --top areas only (the files keep every area,
        // for maps and joins), so `--top 10` prints 10 rows.
        if (e->output.outputs.empty() && e->output.format == "table")
            for (auto& r : results)
                if (r.name == "areas" && r.rows.size() > e->esol.top) {
                    r.notes.push_back(fmt::format("showing the top {} of {} areas; --format csv or --output for all",
                                                  e->esol.top, r.rows.size()));
                    r.rows.resize(e->esol.top);
                }
        emit_with_boundaries(results, e->boundaries, e->layer, e->output, *esol);
    });

    auto h = std::make_shared<HubCommand>();
    auto* hubs = target->add_subcommand(
        "hubs", "Site integration hubs: p-median, maximal covering or set covering, solved exactly (CBC) or by "
                "greedy + vertex substitution");
    add_census_options(*hubs, h->census);
    auto* gh = "Hubs";
    hubs->add_option("--boundaries", h->boundaries, "Polygons of the areas (demand at each area's point on surface)")
        ->required()->group(gh);
    hubs->add_option("--code-field", h->layer.code_field, "Area-code field of --boundaries (default: auto)")->group(gh);
    hubs->add_option("--demand", h->hubs.demand, "need (low English proficiency), accession (EU8/EU2-born) or residents")
        ->default_val("need")->group(gh);
    hubs->add_option("--model", h->hubs.model, "p-median, maximal-covering or set-covering")
        ->default_val("maximal-covering")->group(gh);
    hubs->add_option("--hubs,-p", h->hubs.p, "Number of hubs (p-median, maximal covering); -p is the same option")->default_val(3)->group(gh);
    hubs->add_option("--distance", h->hubs.distance, "Service (walking) distance in metres, straight line")
        ->default_val(800)->group(gh);
    hubs->add_option("--candidates", h->hubs.candidates,
                     "Candidate sites: CSV of name,lon,lat (WGS 84) or a point layer (GeoJSON, GeoPackage, ...), e.g. "
                     "community centres (default: every area)")
        ->group(gh);
    hubs->add_option("--demand-points", h->demand_points,
                     "Where each area's people are, e.g. ONS population-weighted centroids: CSV of area,lon,lat (WGS 84) "
                     "or a point layer with the area code in a field ending in CD (default: each area's point on surface)")
        ->group(gh);
    hubs->add_flag("--allow-outside", h->hubs.allow_outside, "Accept candidate sites outside the study area")->group(gh);
    hubs->add_option("--solver", h->hubs.solver, "auto (exact unless a large p-median), exact or heuristic")
        ->default_val("auto")->group(gh);
    hubs->add_option("--time-limit", h->hubs.time_limit, "Seconds allowed to the solver")->default_val(60)->group(gh);
    add_output_options(*hubs, h->output);
    hubs->callback([h, hubs] {
        const AreaLayer layer = load_area_layer(h->boundaries, h->layer);
        if (!h->demand_points.empty()) {
            h->hubs.demand_points = load_demand_points(h->demand_points, layer);
            h->hubs.demand_points_label = h->demand_points;
        }
        // Counted in solver stages (hubs opened, model built and solved): see facility_location.hpp.
        h->hubs.progress = counted_progress("hub siting: solver stages");
        const auto results = hub_siting(CensusTopics(h->census), layer, h->hubs);
        emit_spatial(results, results.back(), layer, h->output, *hubs);
    });

    auto l = std::make_shared<LicensingCommand>();
    auto* lic = target->add_subcommand(
        "licensing", "Screen areas for selective landlord licensing: private renting and migration indicators, "
                     "contiguous candidate zones and the 20 % coverage tests");
    add_census_options(*lic, l->census);
    add_spatial_options(*lic, l->spatial);
    lic->get_option("--boundaries")->required(false);  // without polygons each area is its own zone
    auto* gl = "Licensing";
    lic->add_option("--min-private-rented", l->screen.min_private_rented, "Private rented share of households an area needs")
        ->default_val(national2021::private_rented_share)->check(CLI::Range(0.0, 1.0))->group(gl);
    lic->add_option("--min-accession", l->screen.min_accession, "EU8/EU2-born share of residents an area needs")
        ->default_val(national2021::accession_born_share)->check(CLI::Range(0.0, 1.0))->group(gl);
    add_output_options(*lic, l->output);
    lic->callback([l, lic] {
        const CensusTopics census(l->census);
        const Table& tenure = census.topic("ts054");
        if (l->spatial.boundaries.empty()) return emit(licensing_screen(census, tenure, l->screen), l->output, *lic);
        const SpatialData d = load_spatial(l->spatial, tenure);
        const auto results = licensing_screen(census, d.table, l->screen, &d.weights, area_km2(d));
        emit_spatial(results, results.back(), d.layer, l->output, *lic);
    });
}

}  // namespace cohesion::cli
