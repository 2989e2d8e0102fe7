// `cohesion target esol|hubs|licensing`: aiming scarce help with Census 2021 OA tables —
// where English (ESOL) classes are most needed, where integration hubs should go, and
// which areas to screen for selective landlord licensing.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "cli/census_tables.hpp"
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "cli/spatial_options.hpp"
#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "geo/site_points.hpp"
#include "targeting/facility_location.hpp"
#include "targeting/rate_smoothing.hpp"

namespace cohesion::cli {

namespace {

// England & Wales 2021 reference shares, from the shared data's ew2021_oa tables
// (sums over all 188,880 OAs): households privately rented (TS054) 5,023,237 / 24,782,883;
// residents born in an EU8 or EU2 accession country (TS004) 1,914,883 / 59,597,465;
// residents aged 3+ who cannot speak English well or at all (TS029) 1,040,506 / 57,704,938.
constexpr double national_private_rented = 0.202690;
constexpr double national_accession_born = 0.032130;
constexpr double national_low_english = 0.018031;

std::vector<double> ratio(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> r(a.size(), 0.0);
    for (std::size_t i = 0; i < a.size(); ++i) r[i] = b[i] > 0 ? a[i] / b[i] : 0.0;
    return r;
}

std::vector<double> plus(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> r(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) r[i] = a[i] + b[i];
    return r;
}

// (v − mean) / sd across areas; all zero when the values do not vary.
std::vector<double> standardise(const std::vector<double>& v) {
    const double n = static_cast<double>(v.size());
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / n;
    double var = 0.0;
    for (double x : v) var += (x - mean) * (x - mean);
    const double sd = std::sqrt(var / n);
    std::vector<double> z(v.size(), 0.0);
    if (sd > 0)
        for (std::size_t i = 0; i < v.size(); ++i) z[i] = (v[i] - mean) / sd;
    return z;
}

std::vector<std::string> census_notes(const CensusOptionValues& c, const Table& t) {
    std::vector<std::string> notes{"census tables: " + c.folder};
    for (const auto& h : t.history()) notes.push_back(h);
    return notes;
}

// ---- esol ------------------------------------------------------------------------

struct EsolOptions {
    CensusOptionValues census;
    OutputOptionValues output;
    std::string boundaries;
    AreaLayerOptions layer;
    std::string neighbourhood = "msoa21cd";
    std::vector<std::string> weights_text{"need=0.4", "isolation=0.2", "accession=0.2", "private_rented=0.2"};
    std::size_t top = 10;
    double confidence = 0.95;
};

struct ScoreComponent {
    std::string name, meaning, source;
    double weight = 0.0;
    std::vector<double> value;
};

void set_weights(std::vector<ScoreComponent>& components, const std::vector<std::string>& text) {
    for (const auto& w : text) {
        const auto eq = w.find('=');
        const std::string name = w.substr(0, eq);
        auto it = std::find_if(components.begin(), components.end(), [&](const auto& c) { return c.name == name; });
        if (eq == std::string::npos || it == components.end())
            throw Error(Location{"", 0, "--score-weights"},
                        "expected NAME=WEIGHT with NAME one of need, isolation, accession, private_rented; got '" + w + "'");
        try {
            it->weight = std::stod(w.substr(eq + 1));
        } catch (const std::exception&) {
            throw Error(Location{"", 0, "--score-weights"}, "'" + w.substr(eq + 1) + "' is not a number");
        }
        if (!(it->weight >= 0) || !std::isfinite(it->weight))
            throw Error(Location{"", 0, "--score-weights"}, "weights must be non-negative numbers");
    }
    double sum = 0.0;
    for (const auto& c : components) sum += c.weight;
    if (!(sum > 0)) throw Error(Location{"", 0, "--score-weights"}, "at least one weight must be positive");
}

std::vector<ResultTable> run_esol(const EsolOptions& o) {
    const Table english = load_census_topic(o.census, "ts029");
    const auto& codes = english.area_codes();
    const Table birth = load_census_topic(o.census, "ts004", codes);
    const Table tenure = load_census_topic(o.census, "ts054", codes);
    const auto people = census_column(english, "total");
    const auto need = plus(census_column(english, "not_well"), census_column(english, "not_at_all"));
    const SmoothedRates rates = smooth_rates(need, people, o.confidence);

    // Residential isolation of the group: its share in the wider neighbourhood the area
    // lies in — what a non-proficient resident there is exposed to (Bell's P* with the
    // neighbourhood as the unit).
    const Level* level = english.find_level(o.neighbourhood);
    if (!level)
        throw Error(Location{"", 0, "--neighbourhood"}, "the tables have no level '" + o.neighbourhood +
                                                            "' (after --aggregate, choose a coarser level)");
    std::unordered_map<std::string, std::pair<double, double>> hood;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        auto& h = hood[level->labels[i]];
        h.first += need[i];
        h.second += people[i];
    }
    std::vector<double> isolation(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto& h = hood[level->labels[i]];
        isolation[i] = h.second > 0 ? h.first / h.second : 0.0;
    }
    std::vector<ScoreComponent> components{
        {"need", "smoothed share of residents aged 3+ who cannot speak English well or at all",
         "TS029 (not_well + not_at_all) / total, empirical Bayes", 0.0, rates.smoothed},
        {"isolation", "that share in the surrounding " + o.neighbourhood + " (exposure to the own group)",
         "TS029 summed over the neighbourhood", 0.0, isolation},
        {"accession", "share born in EU8/EU2 accession countries (recent-arrival proxy)",
         "TS004 (eu8 + eu2) / total", 0.0,
         ratio(plus(census_column(birth, "eu8"), census_column(birth, "eu2")), census_column(birth, "total"))},
        {"private_rented", "share of households privately rented (transience proxy)",
         "TS054 private_rented / total", 0.0,
         ratio(census_column(tenure, "private_rented"), census_column(tenure, "total"))}};
    set_weights(components, o.weights_text);

    std::vector<double> score(codes.size(), 0.0);
    for (const auto& c : components) {
        const auto z = standardise(c.value);
        for (std::size_t i = 0; i < score.size(); ++i) score[i] += c.weight * z[i];
    }
    std::vector<std::size_t> order(codes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    const double total_need = std::accumulate(need.begin(), need.end(), 0.0);

    ResultTable areas;
    areas.title = "ESOL need and isolation risk per area (1 = highest priority)";
    areas.notes = census_notes(o.census, english);
    areas.notes.push_back(fmt::format(
        "need = residents aged 3+ who cannot speak English well or at all (TS029 counts everyone aged 3+, not only "
        "adults); town rate {:.4g} (England & Wales {:.4g}); smoothed by empirical Bayes (beta-binomial, Marshall "
        "1991 moments) with {:g} % credible intervals",
        rates.town_rate, national_low_english, 100.0 * o.confidence));
    areas.notes.push_back("score = sum of weight x standardised component (z across areas); see the components table");
    areas.columns = {"area", "rank", "priority", "residents_3plus", "need", "need_rate", "need_rate_smoothed",
                     "need_rate_lower", "need_rate_upper", "isolation", "accession_share", "private_rented_share",
                     "score", "cumulative_need", "cumulative_share_of_need"};
    double cumulative = 0.0;
    for (std::size_t r = 0; r < order.size(); ++r) {
        const std::size_t i = order[r];
        cumulative += need[i];
        areas.add_row({codes[i], static_cast<std::int64_t>(r + 1), std::string(r < o.top ? "yes" : "no"), people[i],
                       need[i], rates.raw[i], rates.smoothed[i], rates.lower[i], rates.upper[i], isolation[i],
                       components[2].value[i], components[3].value[i], score[i], cumulative,
                       total_need > 0 ? cumulative / total_need : 0.0});
    }

    ResultTable reach;
    reach.title = "People reached if the top k areas are served";
    reach.columns = {"top_k_areas", "need_reached", "share_of_need", "residents_3plus"};
    std::vector<std::size_t> ks{5, 10, 20, 50, o.top};
    std::sort(ks.begin(), ks.end());
    ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
    for (std::size_t k : ks) {
        if (k > order.size()) continue;
        double got = 0.0, res = 0.0;
        for (std::size_t r = 0; r < k; ++r) got += need[order[r]], res += people[order[r]];
        reach.add_row({static_cast<std::int64_t>(k), got, total_need > 0 ? got / total_need : 0.0, res});
    }

    ResultTable parts;
    parts.title = "Isolation-risk score components (edit with --score-weights)";
    parts.columns = {"component", "weight", "meaning", "source"};
    for (const auto& c : components) parts.add_row({c.name, c.weight, c.meaning, c.source});
    // The per-area table goes last: it is the one written as a map layer.
    return {parts, reach, areas};
}

// ---- hubs ------------------------------------------------------------------------

struct HubOptions {
    CensusOptionValues census;
    OutputOptionValues output;
    std::string boundaries, candidates, demand = "need", model = "maximal-covering", solver = "auto";
    AreaLayerOptions layer;
    std::size_t p = 3;
    double distance = 800.0, time_limit = 60.0;
    bool allow_outside = false;
};

std::vector<double> demand_of(const HubOptions& o, const std::vector<std::string>& codes, std::string& description) {
    if (o.demand == "need") {
        const Table t = load_census_topic(o.census, "ts029", codes);
        description = "residents aged 3+ who cannot speak English well or at all (TS029)";
        return plus(census_column(t, "not_well"), census_column(t, "not_at_all"));
    }
    if (o.demand == "accession") {
        const Table t = load_census_topic(o.census, "ts004", codes);
        description = "residents born in EU8/EU2 accession countries (TS004)";
        return plus(census_column(t, "eu8"), census_column(t, "eu2"));
    }
    if (o.demand == "residents") {
        description = "usual residents (TS001)";
        return census_column(load_census_topic(o.census, "ts001", codes), "total");
    }
    throw Error(Location{"", 0, "--demand"}, "unknown demand '" + o.demand + "'; expected need, accession or residents");
}

std::vector<ResultTable> run_hubs(const HubOptions& o, const AreaLayer& layer) {
    const Table areas_table = load_census_topic(o.census, "ts001");
    // Demand points: the areas present both in the tables and in the boundaries.
    std::unordered_map<std::string, std::size_t> feature;
    for (std::size_t k = 0; k < layer.size(); ++k) feature.emplace(layer.codes[k], k);
    std::vector<std::string> codes;
    for (const auto& c : areas_table.area_codes())
        if (feature.count(c)) codes.push_back(c);
    if (codes.empty())
        throw Error(Location{layer.source, 0, layer.code_field},
                    "no area of the census tables has a polygon here; aggregate to the boundaries' level (e.g. "
                    "--aggregate lsoa21cd with LSOA boundaries)");
    std::string description;
    const auto weight = demand_of(o, codes, description);
    const auto surface = area_points_on_surface(layer);
    LocationProblem pr;
    pr.model = parse_location_model(o.model);
    pr.p = o.p;
    pr.service_distance = o.distance;
    pr.weight = weight;
    for (const auto& c : codes) pr.demand.push_back(surface[feature[c]].point);
    const auto sites = o.candidates.empty() ? surface : load_candidate_sites(o.candidates, layer, o.allow_outside);
    for (const auto& s : sites) pr.candidates.push_back(s.point);

    LocationOptions lo;
    lo.time_limit_seconds = o.time_limit;
    const std::size_t served = static_cast<std::size_t>(std::count_if(weight.begin(), weight.end(), [](double w) { return w > 0; }));
    if (o.solver == "exact") lo.solver = LocationSolver::exact;
    else if (o.solver == "heuristic") lo.solver = LocationSolver::heuristic;
    else if (o.solver == "auto")
        lo.solver = pr.model == LocationModel::p_median && served * pr.candidates.size() > 60000 ? LocationSolver::heuristic
                                                                                               : LocationSolver::exact;
    else throw Error(Location{"", 0, "--solver"}, "expected auto, exact or heuristic, got '" + o.solver + "'");
    const LocationSolution s = solve_location(pr, lo);

    std::vector<std::string> notes{
        fmt::format("demand: {} at each area's point on surface ({} areas, {:g} people)", description, codes.size(),
                    s.total_demand),
        fmt::format("candidates: {} ({})", sites.size(), o.candidates.empty() ? "every area's point on surface" : o.candidates),
        fmt::format("model {}: {}; service distance {:g} m (straight line in {})", to_string(pr.model),
                    pr.model == LocationModel::p_median
                        ? fmt::format("{} hubs minimising demand-weighted distance", pr.p)
                        : pr.model == LocationModel::maximal_covering
                              ? fmt::format("{} hubs maximising demand within the distance", pr.p)
                              : std::string("fewest hubs putting everyone within the distance"),
                    o.distance, layer.crs),
        fmt::format("solver {}: {}{}", s.solver,
                    s.solver == "CBC" ? (s.proven_optimal ? "proven optimal" : fmt::format("gap {:.3g}", s.gap))
                                      : "local optimum (no single swap improves)",
                    s.iterations ? fmt::format(", {} swap passes", s.iterations) : std::string()),
        fmt::format("covered within {:g} m: {:.1f} % of demand; mean distance {:.0f} m, farthest {:.0f} m",
                    o.distance, s.total_demand > 0 ? 100.0 * s.covered_demand / s.total_demand : 0.0,
                    s.mean_distance, s.max_distance)};
    for (const auto& h : areas_table.history()) notes.push_back(h);

    ResultTable hubs;
    hubs.title = fmt::format("{} integration hubs", s.sites.size());
    hubs.notes = notes;
    hubs.columns = {"hub", "site", "lon", "lat", "areas_served", "demand_served", "demand_within_distance"};
    ResultTable alloc;
    alloc.title = "Areas and their nearest hub";
    alloc.columns = {"area", "hub", "site", "distance_m", "demand", "within_distance"};
    std::unordered_map<std::size_t, std::size_t> hub_number;
    for (std::size_t k = 0; k < s.sites.size(); ++k) hub_number[s.sites[k]] = k + 1;
    std::vector<double> served_demand(s.sites.size(), 0.0), within(s.sites.size(), 0.0);
    std::vector<std::int64_t> served_areas(s.sites.size(), 0);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const std::size_t h = hub_number[s.allocation[i]] - 1;
        const bool in = s.distance[i] <= o.distance;
        served_demand[h] += weight[i];
        within[h] += in ? weight[i] : 0.0;
        ++served_areas[h];
        alloc.add_row({codes[i], static_cast<std::int64_t>(h + 1), sites[s.allocation[i]].name, s.distance[i], weight[i],
                       std::string(in ? "yes" : "no")});
    }
    for (std::size_t k = 0; k < s.sites.size(); ++k) {
        const auto& site = sites[s.sites[k]];
        hubs.add_row({static_cast<std::int64_t>(k + 1), site.name, site.lon, site.lat, served_areas[k], served_demand[k],
                      within[k]});
    }
    return {hubs, alloc};
}

// ---- licensing -------------------------------------------------------------------

struct LicensingOptions {
    CensusOptionValues census;
    SpatialOptionValues spatial;
    OutputOptionValues output;
    double min_private_rented = national_private_rented;
    double min_accession = national_accession_born;
};

// `d` is the tenure table joined to the boundaries, when --boundaries was given.
std::vector<ResultTable> run_licensing(const LicensingOptions& o, const Table& tenure, const SpatialData& d) {
    const bool mapped = !o.spatial.boundaries.empty();
    const Table& t = mapped ? d.table : tenure;
    const auto& codes = t.area_codes();
    const Table birth = load_census_topic(o.census, "ts004", codes);
    const auto households = census_column(t, "total");
    const auto prs = census_column(t, "private_rented");
    const auto prs_share = ratio(prs, households);
    const auto accession = ratio(plus(census_column(birth, "eu8"), census_column(birth, "eu2")), census_column(birth, "total"));
    const std::size_t n = codes.size();
    std::vector<char> candidate(n);
    for (std::size_t i = 0; i < n; ++i) candidate[i] = prs_share[i] >= o.min_private_rented && accession[i] >= o.min_accession;

    // Zones: candidate areas joined by contiguity (each area its own zone without boundaries).
    std::vector<std::size_t> zone(n, 0);
    std::size_t zones = 0;
    for (std::size_t start = 0; start < n; ++start) {
        if (!candidate[start] || zone[start]) continue;
        zone[start] = ++zones;
        std::vector<std::size_t> stack{start};
        while (mapped && !stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            for (std::size_t j : d.weights.neighbours_of(i))
                if (candidate[j] && !zone[j]) zone[j] = zones, stack.push_back(j);
        }
    }
    double area_total = 0.0, prs_total = std::accumulate(prs.begin(), prs.end(), 0.0);
    std::vector<double> km2(n, 0.0);
    if (mapped) {
        km2 = area_km2(d);
        area_total = std::accumulate(km2.begin(), km2.end(), 0.0);
    }

    ResultTable per_area;
    per_area.title = "Selective licensing screen per area";
    per_area.columns = {"area", "households", "private_rented", "private_rented_share", "vs_national",
                        "accession_born_share", "candidate", "zone"};
    for (std::size_t i = 0; i < n; ++i)
        per_area.add_row({codes[i], households[i], prs[i], prs_share[i], prs_share[i] / national_private_rented,
                          accession[i], std::string(candidate[i] ? "yes" : "no"),
                          zone[i] ? Cell{fmt::format("zone {}", zone[i])} : Cell{}});

    ResultTable zone_table;
    zone_table.title = fmt::format("{} candidate zones", zones);
    zone_table.notes = census_notes(o.census, t);
    zone_table.notes.push_back(fmt::format(
        "candidate area: private rented share >= {:.4g} (default: the England & Wales 2021 share, 20.27 %, TS054 — "
        "the guidance's 'high proportion of privately rented homes' test) and EU8/EU2-born share >= {:.4g} (default: "
        "the England & Wales share, 3.21 %, TS004 — a proxy for the 'high levels of migration' condition)",
        o.min_private_rented, o.min_accession));
    zone_table.notes.push_back(
        "designations covering more than 20 % of the authority's geographical area or of its privately rented homes "
        "need the Secretary of State's confirmation (Housing Act 2004 s.80; DLUHC selective licensing guidance)");
    if (!mapped) zone_table.notes.push_back("no --boundaries: each candidate area is its own zone, and land area is not known");
    zone_table.columns = {"zone", "areas", "households", "private_rented", "share_of_private_rented", "area_km2",
                          "share_of_area"};
    std::vector<double> z_prs(zones + 1, 0.0), z_hh(zones + 1, 0.0), z_km2(zones + 1, 0.0);
    std::vector<std::int64_t> z_n(zones + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (zone[i]) z_prs[zone[i]] += prs[i], z_hh[zone[i]] += households[i], z_km2[zone[i]] += km2[i], ++z_n[zone[i]];
    for (std::size_t z = 1; z <= zones; ++z)
        zone_table.add_row({fmt::format("zone {}", z), z_n[z], z_hh[z], z_prs[z], z_prs[z] / prs_total,
                            mapped ? Cell{z_km2[z]} : Cell{}, mapped ? Cell{z_km2[z] / area_total} : Cell{}});
    const double all_prs = std::accumulate(z_prs.begin(), z_prs.end(), 0.0);
    const double all_km2 = std::accumulate(z_km2.begin(), z_km2.end(), 0.0);
    zone_table.add_row({std::string("whole proposal"), std::accumulate(z_n.begin(), z_n.end(), std::int64_t{0}),
                        std::accumulate(z_hh.begin(), z_hh.end(), 0.0), all_prs, all_prs / prs_total,
                        mapped ? Cell{all_km2} : Cell{}, mapped ? Cell{all_km2 / area_total} : Cell{}});
    zone_table.notes.push_back(fmt::format(
        "the proposal covers {:.1f} % of privately rented homes{}{}", 100.0 * all_prs / prs_total,
        mapped ? fmt::format(" and {:.1f} % of the land area", 100.0 * all_km2 / area_total) : std::string(),
        (all_prs / prs_total > 0.2 || (mapped && all_km2 / area_total > 0.2)) ? ": above 20 %, confirmation needed"
                                                                               : ": within the 20 % limits"));
    return {zone_table, per_area};
}

}  // namespace

void add_target_command(CLI::App& app) {
    auto* target = app.add_subcommand(
        "target", "Aim help: ESOL need and isolation risk, integration-hub siting, selective licensing screen "
                  "(Census 2021 output-area tables)");
    target->require_subcommand(1);

    auto e = std::make_shared<EsolOptions>();
    auto* esol = target->add_subcommand(
        "esol", "Rank areas by ESOL need (smoothed, with intervals) and an isolation-risk score; people reached by "
                "serving the top k areas");
    add_census_options(*esol, e->census);
    auto* g = "ESOL";
    esol->add_option("--neighbourhood", e->neighbourhood, "Lookup level for the residential-isolation component")
        ->default_val("msoa21cd")->group(g);
    esol->add_option("--score-weights", e->weights_text,
                     "Component weights NAME=W for need, isolation, accession, private_rented")
        ->delimiter(',')->default_str("need=0.4,isolation=0.2,accession=0.2,private_rented=0.2")->group(g);
    esol->add_option("--top", e->top, "Areas flagged as priority")->default_val(10)->check(CLI::Range(1, 1000000))->group(g);
    esol->add_option("--confidence", e->confidence, "Credible-interval level")->default_val(0.95)
        ->check(CLI::Range(0.5, 0.999))->group(g);
    add_output_options(*esol, e->output);
    esol->add_option("--boundaries", e->boundaries, "Polygons of the areas, to write the ranking as a map layer")
        ->group("Output");
    esol->callback([e, esol] {
        const auto results = run_esol(*e);
        emit_with_boundaries(results, e->boundaries, e->layer, e->output, *esol);
    });

    auto h = std::make_shared<HubOptions>();
    auto* hubs = target->add_subcommand(
        "hubs", "Site integration hubs: p-median, maximal covering or set covering, solved exactly (CBC) or by "
                "greedy + vertex substitution");
    add_census_options(*hubs, h->census);
    auto* gh = "Hubs";
    hubs->add_option("--boundaries", h->boundaries, "Polygons of the areas (demand at each area's point on surface)")
        ->required()->group(gh);
    hubs->add_option("--code-field", h->layer.code_field, "Area-code field of --boundaries (default: auto)")->group(gh);
    hubs->add_option("--demand", h->demand, "need (low English proficiency), accession (EU8/EU2-born) or residents")
        ->default_val("need")->group(gh);
    hubs->add_option("--model", h->model, "p-median, maximal-covering or set-covering")
        ->default_val("maximal-covering")->group(gh);
    hubs->add_option("-p,--hubs", h->p, "Number of hubs (p-median, maximal covering)")->default_val(3)->group(gh);
    hubs->add_option("--distance", h->distance, "Service (walking) distance in metres, straight line")
        ->default_val(800)->group(gh);
    hubs->add_option("--candidates", h->candidates,
                     "Candidate sites: CSV of name,lon,lat (WGS 84) or a point layer (GeoJSON, GeoPackage, ...), e.g. "
                     "community centres (default: every area)")
        ->group(gh);
    hubs->add_flag("--allow-outside", h->allow_outside, "Accept candidate sites outside the study area")->group(gh);
    hubs->add_option("--solver", h->solver, "auto (exact unless a large p-median), exact or heuristic")
        ->default_val("auto")->group(gh);
    hubs->add_option("--time-limit", h->time_limit, "Seconds allowed to the solver")->default_val(60)->group(gh);
    add_output_options(*hubs, h->output);
    hubs->callback([h, hubs] {
        const AreaLayer layer = load_area_layer(h->boundaries, h->layer);
        const auto results = run_hubs(*h, layer);
        emit_spatial(results, results.back(), layer, h->output, *hubs);
    });

    auto l = std::make_shared<LicensingOptions>();
    auto* lic = target->add_subcommand(
        "licensing", "Screen areas for selective landlord licensing: private renting and migration indicators, "
                     "contiguous candidate zones and the 20 % coverage tests");
    add_census_options(*lic, l->census);
    add_spatial_options(*lic, l->spatial);
    lic->get_option("--boundaries")->required(false);  // without polygons each area is its own zone
    auto* gl = "Licensing";
    lic->add_option("--min-private-rented", l->min_private_rented, "Private rented share of households an area needs")
        ->default_val(national_private_rented)->check(CLI::Range(0.0, 1.0))->group(gl);
    lic->add_option("--min-accession", l->min_accession, "EU8/EU2-born share of residents an area needs")
        ->default_val(national_accession_born)->check(CLI::Range(0.0, 1.0))->group(gl);
    add_output_options(*lic, l->output);
    lic->callback([l, lic] {
        const Table tenure = load_census_topic(l->census, "ts054");
        if (l->spatial.boundaries.empty()) return emit(run_licensing(*l, tenure, {}), l->output, *lic);
        const SpatialData d = load_spatial(l->spatial, tenure);
        const auto results = run_licensing(*l, tenure, d);
        emit_spatial(results, results.back(), d.layer, l->output, *lic);
    });
}

}  // namespace cohesion::cli
