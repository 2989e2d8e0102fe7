#include "report/town_report.hpp"

#include "output/people_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "analysis/group_labels.hpp"
#include "spatial/typology.hpp"
#include "core/error.hpp"
#include "geo/dissolve.hpp"

namespace cohesion {

namespace {

// The town's maps: the input plus what every map of it shares, computed once (which place
// covers each area takes polygon overlays, too slow to repeat for each of the six maps).
struct TownMaps {
    const TownReportInput& in;
    std::vector<MapLabel> places;

    explicit TownMaps(const TownReportInput& input) : in(input) {
        if (!in.places || !in.layer) return;
        std::vector<double> population;
        for (const auto& row : in.profile->areas.rows) population.push_back(cell_number(row[1]));
        places = place_labels(*in.places, *in.layer, population);
    }
};

// Map values come one per table area, and the layer holds exactly those areas in table
// order (draw_map checks the sizes).
MapFigure base_map(const TownMaps& maps, std::string title, std::string legend, std::string caption) {
    MapFigure m;
    m.title = std::move(title);
    m.legend_title = std::move(legend);
    m.caption = std::move(caption);
    m.layer = maps.in.layer;
    m.attribution = map_attribution();
    m.places = maps.places;
    return m;
}

// The focal group's enclaves as dissolved outlines named after their places.
std::vector<MapOutline> enclave_outlines(const TownReportInput& in) {
    std::vector<MapOutline> out;
    for (const auto& e : in.profile->enclave_list) {
        MapOutline o;
        o.geometry = dissolve(*in.layer, e.members);
        o.label = e.place;
        out.push_back(std::move(o));
    }
    return out;
}

// The areas where the findings are: the enclaves and hot spots of the focal group, else
// the densest fifth of the areas (the built-up town rather than its rural edge).
std::vector<std::size_t> focus_areas(const TownReportInput& in) {
    const TownProfile& p = *in.profile;
    std::vector<std::size_t> focus;
    for (std::size_t i = 0; i < p.hot_spot.size(); ++i)
        if (p.hot_spot[i] == "hot" || !p.enclave[i].empty()) focus.push_back(i);
    if (!focus.empty()) return focus;
    std::vector<std::pair<double, std::size_t>> density;
    for (std::size_t i = 0; i < in.layer->size() && i < p.areas.rows.size(); ++i)
        if (in.layer->area_km2[i] > 0) density.emplace_back(cell_number(p.areas.rows[i][1]) / in.layer->area_km2[i], i);
    std::sort(density.rbegin(), density.rend());
    for (std::size_t k = 0; k < density.size() && k < std::max<std::size_t>(density.size() / 5, 1); ++k)
        focus.push_back(density[k].second);
    return focus;
}

MapFigure numeric_map(const TownMaps& maps, std::string title, std::string legend, std::string caption,
                      const std::vector<double>& values, bool percent) {
    MapFigure m = base_map(maps, std::move(title), std::move(legend), std::move(caption));
    m.values = values;
    m.percent = percent;
    return m;
}

MapFigure category_map(const TownMaps& maps, std::string title, std::string legend, std::string caption,
                       const std::vector<std::string>& labels, std::vector<std::pair<std::string, Rgb>> colours) {
    MapFigure m = base_map(maps, std::move(title), std::move(legend), std::move(caption));
    m.categories = labels;
    m.category_colours = std::move(colours);
    return m;
}

// "; 95% interval 0.1920–0.1977; raw 0.2092" — what goes beside a headline estimate.
std::string interval_note(const BootstrapSummary& s, int digits) {
    if (!std::isfinite(s.ci_lower)) return "";
    std::string out = fmt::format("; {:g}% interval {:.{}f}–{:.{}f}", 100.0 * s.confidence, s.ci_lower, digits,
                                  s.ci_upper, digits);
    if (s.method == IntervalMethod::debiased) out += fmt::format("; raw {:.{}f}", s.raw_value, digits);
    return out;
}

// "; rank 1 of 10 (95% interval of the rank 1–2)"
std::string rank_phrase(const GroupRanking& g, const GroupRankings& k) {
    if (g.rank <= 0) return "";
    const auto ranked = std::count_if(k.groups.begin(), k.groups.end(), [](const auto& x) { return x.rank > 0; });
    std::string out = fmt::format("; rank {} of {}", g.rank, ranked);
    if (g.rank_lower > 0)
        out += fmt::format(" ({:g}% interval of the rank {}–{})", 100.0 * k.confidence, g.rank_lower, g.rank_upper);
    return out;
}

// "D = 0.64, 95% interval 0.61–0.66; raw 0.67; rank 1 of 10 (95% interval of the rank 1–2)"
std::string d_phrase(const GroupRanking& g, const GroupRankings& k) {
    const BootstrapSummary& s = g.value;
    if (!std::isfinite(s.ci_lower)) return fmt::format("D = {:.2f}", s.estimate);
    std::string out = fmt::format("D = {:.2f}, {:g}% interval {:.2f}–{:.2f}", s.estimate, 100.0 * k.confidence,
                                  s.ci_lower, s.ci_upper);
    if (s.method == IntervalMethod::debiased) out += fmt::format("; raw {:.2f}", s.raw_value);
    return out + rank_phrase(g, k);
}

// A neighbourhood type by its thresholds (spatial/typology.hpp defaults), in words.
std::string neighbourhood_type_description(int type, const std::string& host) {
    switch (type) {
        case 1: return host + " 80% or more";
        case 2: return host + " 50–80%";
        case 3: return host + " 30–50%";
        case 4: return host + " under 30%, several other groups";
        case 5: return host + " under 30%, one group 60%+ of the rest";
        case 6: return "one group 60%+ of the rest, with 30%+ of that group's residents in town";
        default: return "unclassified";
    }
}

// The enclave list as the report shows it: each enclave by the place it covers; its numbered
// id and its core area's code stay in the data files. Without place names, the id stays.
ResultTable enclave_display_table(const ResultTable& enclaves) {
    const auto name = std::find(enclaves.columns.begin(), enclaves.columns.end(), "name");
    if (name == enclaves.columns.end()) return enclaves;
    const auto name_at = static_cast<std::size_t>(name - enclaves.columns.begin());
    bool named = !enclaves.rows.empty();
    for (const auto& row : enclaves.rows) {
        const auto* place = std::get_if<std::string>(&row.at(name_at));
        named = named && place && !place->empty();
    }
    if (!named) return enclaves;
    ResultTable shown = enclaves;
    for (const char* column : {"enclave", "core_area"}) {
        const auto it = std::find(shown.columns.begin(), shown.columns.end(), column);
        if (it == shown.columns.end()) continue;
        const int at = static_cast<int>(it - shown.columns.begin());
        shown.columns.erase(it);
        if (static_cast<std::size_t>(at) < shown.column_kinds.size()) shown.column_kinds.erase(shown.column_kinds.begin() + at);
        for (auto& row : shown.rows) row.erase(row.begin() + at);
        for (int* index : {&shown.map_column, &shown.rank_column})
            *index = *index == at ? -1 : *index - (*index > at);
    }
    const auto renamed = std::find(shown.columns.begin(), shown.columns.end(), "name");
    *renamed = "enclave";
    return shown;
}

std::string rule_sentence(const GroupRankings& k) {
    return fmt::format("A group is ranked only if it has at least {:g}% of residents and at least {:g} people{}: a "
                       "few hundred people spread over hundreds of areas look uneven by chance alone.",
                       100.0 * k.rule.min_share, k.rule.min_people,
                       k.randomisation > 0
                           ? fmt::format(", and its D is higher than random allocation of people to areas gives "
                                         "(p < {:g}, {} random allocations)",
                                         k.rule.alpha, k.randomisation)
                           : "");
}

}  // namespace

std::vector<MapLabel> place_labels(const PlaceLayer& places, const AreaLayer& layer,
                                   const std::vector<double>& population) {
    const std::vector<std::string> covering = place_of_areas(layer, places);
    std::map<std::string, double> people;
    for (std::size_t i = 0; i < covering.size(); ++i)
        if (!covering[i].empty() && i < population.size() && std::isfinite(population[i]))
            people[covering[i]] += population[i];
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t k = 0; k < places.names.size(); ++k) {
        const auto it = people.find(places.names[k]);
        if (it != people.end()) order.emplace_back(it->second, k);  // places without the town's areas stay unlabelled
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<MapLabel> labels;
    for (const auto& [_, k] : order)
        labels.push_back({places.areas.centroid_x[k], places.areas.centroid_y[k], places.names[k]});
    return labels;
}

std::optional<MapExtent> focus_extent(const AreaLayer& layer, const std::vector<std::size_t>& focus,
                                      double min_size_m) {
    if (focus.empty()) return std::nullopt;
    OGREnvelope box, part;
    for (std::size_t i : focus) {
        layer.geometry.at(i)->getEnvelope(&part);
        box.Merge(part);
    }
    const double cx = (box.MinX + box.MaxX) / 2, cy = (box.MinY + box.MaxY) / 2;
    const double half_w = std::max((box.MaxX - box.MinX) * 0.75, min_size_m / 2);
    const double half_h = std::max((box.MaxY - box.MinY) * 0.75, min_size_m / 2);
    return MapExtent{cx - half_w, cy - half_h, cx + half_w, cy + half_h};
}

std::string map_attribution() {
    return "Contains National Statistics data © Crown copyright and database right; contains OS data © Crown "
           "copyright and database right. OGL v3.0.";
}

std::vector<std::string> ogl_attribution() {
    return {"Source: Office for National Statistics, Census 2011 and Census 2021, licensed under the Open Government "
            "Licence v3.0. Contains National Statistics data © Crown copyright and database right.",
            "Boundaries: ONS Geography (Generalised Clipped), Open Government Licence v3.0. Contains OS data © Crown "
            "copyright and database right.",
            "Output-area polygons via martinjc/UK-GeoJSON (CC BY 4.0); LSOA 2021 polygons via drkane/geo-lookups."};
}

ReportDocument town_report(const TownReportInput& in) {
    if (!in.profile) throw Error("report: no analysis results");
    const TownProfile& p = *in.profile;
    const bool reference = !in.reference_name.empty();
    ReportDocument d;
    d.title = "Where " + in.town + "'s communities live";
    d.subtitle = "Segregation, isolation and enclaves from census counts — a cohesion report";
    d.version = in.version;
    d.command = in.command;
    d.generated = in.generated;
    d.attribution = ogl_attribution();
    d.sources = describe_sources(in.source_files);

    // Typed results (TownProfile::ranking, multigroup_values): the key figure names the
    // ranking's top group, the same group the maps show unless the user chose another.
    const GroupRankings& ranking = p.ranking;
    const GroupRanking* top = ranking.top();
    const std::string focal_name = group_label(p.focal).short_name;  // people's words, not the column code
    const BootstrapSummary& m = p.multigroup_values.at(0).value;
    // Key figures: the value box holds the headline, the label its interval, raw value and
    // rank interval (docs/inference.md), so the reader sees the uncertainty beside it.
    d.key_figures = {{"residents", count_text(p.total_population)},
                     {"areas", std::to_string(p.areas.rows.size())},
                     {"groups", std::to_string(p.composition.rows.size())},
                     {"segregation of all groups (Theil's M, nats" + interval_note(m, 4) + ")",
                      fmt::format("{:.4f}", m.estimate)},
                     top ? KeyFigure{fmt::format("people live most apart ({}; ranked among groups with at least {:g}% "
                                                 "of residents and {:g} people)",
                                                 d_phrase(*top, ranking), 100.0 * ranking.rule.min_share,
                                                 ranking.rule.min_people),
                                     group_label(top->group).short_name}
                         : KeyFigure{"group living most apart", "no group meets the ranking rule"},
                     {"enclaves of " + focal_name, std::to_string(p.enclaves.rows.size())}};

    // The findings in sentences come first: what a reader needs before any table.
    if (!in.findings.empty()) {
        ReportSection findings;
        findings.title = "Findings";
        findings.paragraphs = in.findings;
        findings.refers_to = in.findings_sections;
        d.sections.push_back(std::move(findings));
    }
    ReportSection who;
    who.title = "Who lives here";
    BarChartFigure shares;
    shares.title = "Share of residents by group";
    shares.axis_label = "share of residents";
    shares.percent = true;
    shares.caption = reference ? "Bars: " + in.town + "; diamonds: " + in.reference_name + "."
                               : "Share of the town's residents in each group.";
    const auto& comp = p.composition;
    for (const auto& row : comp.rows) {
        shares.labels.push_back(group_label(std::get<std::string>(row[0])).short_name);
        shares.values.push_back(cell_number(row[2]));
        if (reference) shares.reference.push_back(cell_number(row[3]));
    }
    shares.reference_label = in.reference_name;
    who.figures.push_back(shares);
    who.tables.push_back(comp);
    d.sections.push_back(std::move(who));

    ReportSection apart;
    apart.title = "Who lives most apart";
    const bool debiased = ranking.interval == IntervalMethod::debiased;
    std::vector<std::string> top3, unranked;
    for (const auto& g : ranking.groups) {
        if (g.rank > 0 && top3.size() < 3) top3.push_back(fmt::format("{} ({})", group_label(g.group).short_name, d_phrase(g, ranking)));
        if (g.rank == 0) unranked.push_back(fmt::format("{} ({})", group_label(g.group).short_name, g.reason));
    }
    apart.paragraphs.push_back(
        "The index of dissimilarity D is the share of a group who would have to move for it to be spread like everyone "
        "else (0 = even, 1 = completely apart). " +
        (top3.empty() ? std::string("No group meets the ranking rule.")
                      : "The groups living most apart are " + fmt::format("{}", fmt::join(top3, "; ")) + "."));
    apart.paragraphs.push_back(
        "Chance alone makes D above 0: people are few in each area, so even a group spread at random looks uneven, and "
        "the fewer its people the more so. " +
        (debiased ? std::string("The values shown are therefore bias-corrected (the raw value minus the chance part "
                                "the bootstrap measures, as R's segregation package does), with 95% intervals from "
                                "resampling people; the raw values are in the table. ")
                  : std::string("The values shown are the raw values with percentile intervals of resampled values "
                                "(the percentile interval); for small groups such an interval can lie wholly above the "
                                "value. ")) +
        "The rank interval says which places in the ranking the group could "
        "hold given that uncertainty. " +
        rule_sentence(ranking) +
        (unranked.empty() ? std::string() : " Not ranked: " + fmt::format("{}", fmt::join(unranked, "; ")) + "."));
    BarChartFigure dchart;
    dchart.title = "Dissimilarity from everyone else, by group";
    dchart.axis_label = debiased ? "index of dissimilarity D (bias-corrected)" : "index of dissimilarity D";
    dchart.caption = std::string(debiased ? "Bars: bias-corrected D" : "Bars: D") +
                     " with 95% bootstrap intervals; groups marked (not ranked) fail the ranking rule" +
                     (reference ? "; diamonds: raw D in " + in.reference_name + " (same groups, its own areas)." : ".");
    dchart.reference_label = in.reference_name;
    for (const auto& g : ranking.groups) {
        dchart.labels.push_back(group_label(g.group).short_name + (g.rank > 0 ? "" : " (not ranked)"));
        dchart.values.push_back(g.value.estimate);
        dchart.lower.push_back(g.value.ci_lower);
        dchart.upper.push_back(g.value.ci_upper);
        if (reference) {
            const GroupRanking* ref = p.reference_ranking ? p.reference_ranking->find(g.group) : nullptr;
            dchart.reference.push_back(ref ? ref->value.raw_value : std::numeric_limits<double>::quiet_NaN());
        }
    }
    apart.figures.push_back(dchart);
    apart.tables = {p.groups, p.multigroup};
    d.sections.push_back(std::move(apart));

    if (in.layer) {
        ReportSection where;
        where.title = "Where";
        where.paragraphs.push_back(
            "Maps of " + focal_name +
            (p.focal_chosen ? std::string(" (chosen for this report)")
                            : top ? std::string(" (the group ranked as living most apart)")
                                  : std::string(" (the largest group: no group meets the ranking rule)")) +
            " and of segregation across all groups. "
            "Classes are natural breaks (Fisher–Jenks) on a colour-blind-safe viridis scale.");
        const TownMaps maps(in);
        const std::vector<MapOutline> zones = enclave_outlines(in);
        const std::string outlined = zones.empty() ? std::string()
                                                   : " Outlined: the enclaves of " + focal_name + ", named after the wards or "
                                                     "areas where most of their residents live.";
        MapFigure share = numeric_map(maps, "Share of residents who are " + focal_name, focal_name + " share",
                                      "Share of each area's residents who are " + focal_name + "." + outlined,
                                      p.focal_share, true);
        share.outlines = zones;
        share.outline_legend = "enclaves of " + focal_name;
        where.figures.push_back(share);
        const auto focus = focus_areas(in);
        if (const auto extent = focus_extent(*in.layer, focus)) {
            MapFigure closer = share;
            closer.title = "Closer view: share of residents who are " + focal_name;
            closer.extent = extent;
            closer.caption = "The same map zoomed to the built-up area where " +
                             std::string(zones.empty() ? "the densest areas are" : "the enclaves and hot spots are") +
                             " (about " + fmt::format("{:.0f}", (extent->max_x - extent->min_x) / 1000.0) +
                             " km across)." + outlined;
            where.figures.push_back(closer);
        }
        MapFigure lq = numeric_map(maps, "Location quotient of " + focal_name, "LQ (1 = town average)",
                                   "Each area's " + focal_name + " share divided by the town's share: above 1, more " +
                                       focal_name + " residents than the town average." + outlined,
                                   p.focal_lq, false);
        lq.outlines = zones;
        lq.outline_legend = share.outline_legend;
        where.figures.push_back(lq);
        where.figures.push_back(numeric_map(maps, "Local segregation (contribution to Theil's M)", "local M score",
                                            "How far each area's mix of all groups differs from the town's mix "
                                            "(its contribution to Theil's M).",
                                            p.local_segregation, false));
        std::vector<std::pair<std::string, Rgb>> hot{{"hot", okabe_ito(5)}, {"cold", okabe_ito(1)}};
        MapFigure spots = category_map(maps, "Hot and cold spots of the " + focal_name + " share", "Getis-Ord G*",
                                       "Clusters of areas with a high (hot) or low (cold) " + focal_name +
                                           " share, significant in a permutation test (false discovery rate 5%)." +
                                           outlined,
                                       p.hot_spot, hot);
        spots.outlines = zones;
        spots.outline_legend = share.outline_legend;
        where.figures.push_back(spots);
        std::set<std::string> names(p.enclave.begin(), p.enclave.end());
        names.erase("");
        std::vector<std::pair<std::string, Rgb>> enc;
        for (const auto& n : names) enc.emplace_back(n, okabe_ito(enc.size()));
        MapFigure enclaves = category_map(maps, "Enclaves of " + focal_name, "enclave",
            fmt::format("Enclaves: neighbouring hot spots where the {} share is at least {:g} times the town's, named "
                        "after the places they cover.",
                        focal_name, p.enclave_min_lq),
            p.enclave, enc);
        enclaves.outlines = zones;
        enclaves.outline_legend = share.outline_legend;
        if (const auto extent = focus_extent(*in.layer, focus)) enclaves.extent = extent;
        where.figures.push_back(enclaves);
        // Neighbourhood types in plain words (their thresholds); the published names of
        // Poulsen, Johnston & Forrest (2001) only in the caption, as a methods note.
        const std::string host = group_label(p.host).short_name;
        std::map<std::string, int> type_of;  // published label -> type
        for (int type = 1; type <= 6; ++type) type_of[typology_label(type)] = type;
        std::vector<std::string> described(p.neighbourhood_type.size());
        std::set<int> present;
        std::string published;
        for (std::size_t i = 0; i < described.size(); ++i)
            if (const auto it = type_of.find(p.neighbourhood_type[i]); it != type_of.end()) {
                described[i] = neighbourhood_type_description(it->second, host);
                present.insert(it->second);
            }
        std::vector<std::pair<std::string, Rgb>> typ;
        for (int type : present) {
            typ.emplace_back(neighbourhood_type_description(type, host), okabe_ito(typ.size()));
            published += (published.empty() ? "" : "; ") + typology_label(type);
        }
        where.figures.push_back(category_map(
            maps, "Neighbourhood types: how much of each area is " + host, "neighbourhood type",
            fmt::format("Each area by the share of {} residents and, where they are under 30%, by whether one other "
                        "group makes up most of the rest. The types are Poulsen, Johnston & Forrest's (2001): {}.",
                        host, published),
            described, typ));
        where.tables.push_back(enclave_display_table(p.enclaves));
        d.sections.push_back(std::move(where));
    }
    for (const auto& s : in.extra_sections) d.sections.push_back(s);
    return d;
}

}  // namespace cohesion
