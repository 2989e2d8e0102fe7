#include "report/study_report.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <set>

#include "core/error.hpp"
#include <fmt/format.h>

#include "geo/place_layer.hpp"
#include "report/palette.hpp"
#include "report/section_map.hpp"
#include "report/town_report.hpp"
#include "study/findings.hpp"
#include "study/study_profile.hpp"

namespace cohesion {

namespace {

// A map of one column of a step's per-area table (first column: area code) on the step's
// polygons, restricted to the areas the table has — the same figure `report --section-map`
// draws from the file the step wrote.
MapFigure per_area_map(const std::string& title, const StudyOutput& output, std::deque<AreaLayer>& layers,
                       const SectionMapOptions& options) {
    const ResultTable& t = output.tables.back();
    if (t.map_column < 0) throw Error("internal: the per-area table '" + t.title + "' names no column to map");
    const auto c = static_cast<std::size_t>(t.map_column);
    const std::string& column = t.columns[c];
    std::map<std::string, std::size_t> feature_of;
    for (std::size_t f = 0; f < output.layer->codes.size(); ++f) feature_of.emplace(output.layer->codes[f], f);
    std::vector<std::size_t> features;
    LayerColumn values;
    values.numeric = true;
    for (const auto& row : t.rows) {
        const auto* code = std::get_if<std::string>(&row.at(0));
        if (!code) continue;
        const auto it = feature_of.find(*code);
        if (it == feature_of.end()) continue;
        features.push_back(it->second);
        const Cell& cell = row.at(c);
        if (const auto* text = std::get_if<std::string>(&cell)) {
            values.numeric = false;
            values.text[*code] = *text;
        } else if (const auto* d = std::get_if<double>(&cell)) {
            values.number[*code] = *d;
            values.text[*code] = fmt::format("{}", *d);
        } else if (const auto* i = std::get_if<std::int64_t>(&cell)) {
            values.number[*code] = static_cast<double>(*i);
            values.text[*code] = std::to_string(*i);
        }
    }
    const AreaLayer& layer = layers.emplace_back(subset_layer(*output.layer, features));
    // Hub catchments: each area's hub number, so the map numbers the hubs as the hubs table does.
    LayerColumn hub_numbers;
    SectionMapOptions with_hubs = options;
    if (const auto h = std::find(t.columns.begin(), t.columns.end(), "hub"); h != t.columns.end()) {
        const auto k = static_cast<std::size_t>(h - t.columns.begin());
        for (const auto& row : t.rows)
            if (const auto* code = std::get_if<std::string>(&row.at(0)))
                if (const auto* n = std::get_if<std::int64_t>(&row.at(k)))
                    hub_numbers.number[*code] = static_cast<double>(*n);
        with_hubs.hub_numbers = &hub_numbers;
    }
    return section_map(title, layer, values, column, with_hubs);
}


// Inserts a "place" column after `code_column`: the place of each row's area code, so a
// reader sees "Queens Park" beside E01017539.
void insert_place_column(ResultTable& t, std::size_t code_column, const std::map<std::string, std::string>& place_of) {
    const int at = static_cast<int>(code_column) + 1;
    t.map_column += t.map_column >= at;
    t.rank_column += t.rank_column >= at;
    t.columns.insert(t.columns.begin() + at, "place");
    if (t.column_kinds.size() > code_column) t.column_kinds.insert(t.column_kinds.begin() + at, ColumnKind::text);
    for (auto& row : t.rows) {
        const auto* code = std::get_if<std::string>(&row.at(code_column));
        const auto it = code ? place_of.find(*code) : place_of.end();
        row.insert(row.begin() + at, Cell{it == place_of.end() ? std::string() : it->second});
    }
}

// Each area code of `layer` with the place covering most of the area (empty without places).
std::map<std::string, std::string> place_by_code(const AreaLayer& layer, const PlaceLayer* places) {
    std::map<std::string, std::string> place_of;
    if (!places) return place_of;
    const std::vector<std::string> names = place_of_areas(layer, *places);
    for (std::size_t f = 0; f < layer.codes.size() && f < names.size(); ++f) place_of[layer.codes[f]] = names[f];
    return place_of;
}

// Census 2021 output areas have no polygons in a study, but the census lookup puts each in
// its LSOA, whose polygons the targeting maps use: an output area's place is its LSOA's.
std::map<std::string, std::string> output_area_places(const Study& study, const PlaceLayer& places) {
    std::map<std::string, std::string> out;
    const auto* targeting = study.targeting() ? &*study.targeting() : nullptr;
    if (!targeting || !targeting->layer() || !targeting->output_areas) return out;
    const auto lsoa_place = place_by_code(*targeting->layer(), &places);
    const Table& oas = targeting->output_areas->topic("ts001");
    const Level* lsoa = oas.find_level("lsoa21cd");
    if (!lsoa) return out;
    for (std::size_t i = 0; i < oas.areas() && i < lsoa->labels.size(); ++i)
        if (const auto it = lsoa_place.find(lsoa->labels[i]); it != lsoa_place.end()) out[oas.area_codes()[i]] = it->second;
    return out;
}

// The body of the report holds summaries; every area's row goes to the appendix (and is in
// the step's CSV/GeoPackage outputs). A per-area table longer than 10 rows is summarised in
// the body by its first 10 by its rank column (ResultTable::rank_column, 1 = highest priority
// or fastest change; table order without one), each with its place name (`place_of`, by area
// code; empty: no place column).
ResultTable top_ten(const ResultTable& per_area, const std::string& title,
                    const std::map<std::string, std::string>& place_of) {
    ResultTable t = per_area;
    t.title = title;
    t.notes.clear();
    std::vector<std::size_t> order(t.rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (t.rank_column >= 0) {
        const auto rank = static_cast<std::size_t>(t.rank_column);
        std::vector<double> key(t.rows.size());
        for (std::size_t i = 0; i < key.size(); ++i) key[i] = cell_number(t.rows[i].at(rank));
        std::stable_sort(order.begin(), order.end(), [&key](std::size_t a, std::size_t b) {
            return (std::isnan(key[b]) && !std::isnan(key[a])) || key[a] < key[b];
        });
    }
    if (order.size() > 10) order.resize(10);
    std::vector<std::vector<Cell>> top;
    for (std::size_t i : order) top.push_back(per_area.rows[i]);
    t.rows = std::move(top);
    if (!place_of.empty()) insert_place_column(t, 0, place_of);
    // A summary, not the data file: a group's two shares are left to the appendix when the
    // table has its change in points ("White_change_pp"), so the body's table stays readable.
    std::vector<std::size_t> keep;
    auto has = [&t](const std::string& c) { return std::find(t.columns.begin(), t.columns.end(), c) != t.columns.end(); };
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const std::string& name = t.columns[c];
        const bool share_pair = name.size() > 8 && (name.ends_with("_share_a") || name.ends_with("_share_b")) &&
                                has(name.substr(0, name.size() - 8) + "_change_pp");
        if (!share_pair || static_cast<int>(c) == t.map_column || static_cast<int>(c) == t.rank_column) keep.push_back(c);
    }
    if (keep.size() < t.columns.size()) {
        auto pick = [&keep](const auto& v) {
            std::decay_t<decltype(v)> out;
            for (std::size_t c : keep)
                if (c < v.size()) out.push_back(v[c]);
            return out;
        };
        auto position = [&keep](int c) {
            for (std::size_t k = 0; k < keep.size(); ++k)
                if (static_cast<int>(keep[k]) == c) return static_cast<int>(k);
            return -1;
        };
        t.map_column = position(t.map_column);
        t.rank_column = position(t.rank_column);
        t.columns = pick(t.columns);
        t.column_kinds = pick(t.column_kinds);
        for (auto& row : t.rows) row = pick(row);
    }
    return t;
}

// The "What if" section: the step's sentences, the headline index's trajectory per scenario
// with its band, and a map of the scenario that moves most: its end-state share of the
// headline group minus the baseline's (the same runs, so the difference comes from the levers).
void what_if_section(ReportSection& section, const StudyOutput& out, const AreaLayer* polygons,
                     std::deque<AreaLayer>& layers, const SectionMapOptions& options) {
    section.paragraphs.insert(section.paragraphs.end(), out.sentences.begin(), out.sentences.end());
    if (!out.what_if) return;
    const WhatIf& w = *out.what_if;
    const ScenarioComparison& c = w.comparison;
    const std::string index = headline_index(c);
    LineChartFigure chart;
    const bool dissimilarity = index.rfind("D: ", 0) == 0;
    const std::string group = dissimilarity ? index.substr(3) : "";
    chart.title = dissimilarity ? fmt::format("Dissimilarity of {} households from everyone else, by scenario", group)
                                : "Segregation across all groups (M), by scenario";
    chart.axis_label = dissimilarity ? "dissimilarity index D (0 = even, 1 = apart)" : "mutual information index M";
    chart.band_label = fmt::format("5th–95th percentile of {} model runs", c.replicates);
    chart.caption = "Model projections under stated assumptions, not forecasts: compare each scenario with the "
                    "baseline (same runs), not the levels.";
    for (const auto& o : c.outcomes)
        if (const auto* t = trajectory(o, index)) {
            LineSeries s;
            s.label = o.name == "baseline" ? "baseline (no levers)" : o.name;
            s.x.assign(t->years.begin(), t->years.end());
            s.value = t->mean;
            s.lower = t->low;
            s.upper = t->high;
            chart.series.push_back(std::move(s));
        }
    section.figures.push_back(std::move(chart));
    // The report shows the end year of each scenario's dissimilarities and M, and the areas
    // that change most; every year and every area are in what_if.json.
    const int last = c.first_year + c.years;
    // From the typed comparison (the trajectories table's end-year rows of D and M).
    ResultTable summary;
    summary.title = fmt::format("{}: dissimilarity and M in {} by scenario (model runs)", w.town, last);
    summary.name = "what_if_end_year";
    summary.notes = out.tables.front().notes;
    summary.columns = {"scenario", "index_name", "year", "value", "low", "high", "difference_from_baseline"};
    const ScenarioOutcome& base = c.outcomes.front();
    for (const auto& o : c.outcomes)
        for (std::size_t k = 0; k < o.trajectories.size(); ++k) {
            const IndexTrajectory& t = o.trajectories[k];
            if (t.years.empty() || t.years.back() != last || !(t.index.rfind("D: ", 0) == 0 || t.index == "M")) continue;
            const std::size_t y = t.years.size() - 1;
            summary.add_row({o.name, t.index, static_cast<std::int64_t>(last), t.mean[y], t.low[y], t.high[y],
                             t.mean[y] - base.trajectories[k].mean[y]});
        }
    section.tables.push_back(std::move(summary));
    if (out.tables.size() > 2) section.tables.push_back(out.tables[2]);
    if (!polygons || c.outcomes.size() < 2 || group.empty()) return;
    const std::size_t n = c.codes.size(), g = static_cast<std::size_t>(
                                                 std::find(c.groups.begin(), c.groups.end(), group) - c.groups.begin());
    if (g >= c.groups.size()) return;
    std::size_t pick = 1;
    double most = -1;
    for (std::size_t q = 1; q < c.outcomes.size(); ++q) {
        double d = 0;
        for (std::size_t i = 0; i < n; ++i)
            d = std::max(d, std::abs(c.outcomes[q].end_shares[g * n + i] - c.outcomes[0].end_shares[g * n + i]));
        if (d > most) most = d, pick = q;
    }
    std::map<std::string, std::size_t> feature_of;
    for (std::size_t f = 0; f < polygons->codes.size(); ++f) feature_of.emplace(polygons->codes[f], f);
    std::vector<std::size_t> features;
    LayerColumn values;
    values.numeric = true;
    for (std::size_t i = 0; i < n; ++i) {
        const auto it = feature_of.find(c.codes[i]);
        if (it == feature_of.end()) continue;
        features.push_back(it->second);
        values.number[c.codes[i]] = c.outcomes[pick].end_shares[g * n + i] - c.outcomes[0].end_shares[g * n + i];
    }
    if (features.empty()) return;
    const AreaLayer& layer = layers.emplace_back(subset_layer(*polygons, features));
    MapFigure m = section_map("What if", layer, values, "difference", options);
    const int end = c.first_year + c.years;
    m.title = fmt::format("{} share in {}: scenario minus baseline", group, end);
    m.legend_title = "change, points";
    m.percent = true;
    m.caption = fmt::format("Mean share of {} households in {} across {} runs under “{}” minus the baseline's, per "
                            "2021 LSOA (legend in percentage points); a model projection under the scenario's "
                            "assumptions.",
                            group, end, c.replicates, c.outcomes[pick].name);
    section.figures.push_back(std::move(m));
}

}  // namespace

bool study_report_reads(const StudyStep& step) {
    static const std::set<std::string> shown{"atlas", "change", "compare", "target esol", "target hubs",
                                             "target licensing", "simulate"};
    return shown.count(step.command) > 0;
}

StudyReport study_report(const Study& study, const std::vector<StudyStep>& steps,
                         const std::vector<StudyOutput>& outputs, StudyReportRequest request) {
    const StudySpec& spec = study.spec();
    StudyReport r{study_town_profile(study, request.profile), {}};
    TownReportInput in;
    in.town = study.town();
    in.profile = &r.profile;
    // The document's maps point into these layers; the document keeps them alive. Maps show
    // the table's areas only, even with national boundaries.
    auto kept = std::make_shared<std::deque<AreaLayer>>();
    std::deque<AreaLayer>& layers = *kept;
    // Section maps carry place names in their own CRS (the step layers may differ from the
    // town's); each projection of the place file is made once.
    PlaceLayers section_places(spec.places);
    auto map_options = [&](const AreaLayer& layer) {
        SectionMapOptions o;
        o.hub_distance_m = request.hub_distance > 0 ? request.hub_distance
                                                      : spec.targeting ? spec.targeting->distance : 0.0;
        o.places = study.places() && study.places()->areas.crs == layer.crs ? study.places()
                                                                             : section_places.in_crs(layer.crs);
        return o;
    };
    if (study.spatial()) in.layer = &layers.emplace_back(subset_layer(study.spatial()->layer, study.spatial()->feature));
    in.places = study.places();
    in.reference_name = study.reference() ? spec.reference_name : "";
    for (const auto& f : study.inputs()) in.source_files.push_back(f.path);
    in.command = request.command;
    in.version = request.version;
    in.generated = request.generated;

    // Sections in the order the study's steps run; each map beside its tables.
    const std::string esol = "Targeting: ESOL need and isolation risk", hubs = "Targeting: integration hubs",
                      licensing = "Targeting: selective licensing screen";
    ReportSection appendix;
    appendix.title = "Appendix: every area";
    appendix.paragraphs.push_back("The per-area tables behind the maps above, first rows shown; every area's row is in "
                                  "the CSV and GeoPackage outputs of the study.");
    // A step's per-area table (the last, joined to its polygons): its top 10 in the body,
    // the table itself in the appendix.
    // Without polygons, a last table of more than 10 rows is taken as per-area. Its areas'
    // places: from the polygons, or `place_of` for areas without them.
    auto summarised = [&](ReportSection& section, const StudyOutput& out, const std::string& top_title,
                          const std::map<std::string, std::string>& place_of = {}) {
        if (out.tables.empty() || (!out.layer && out.tables.back().rows.size() <= 10)) {
            section.tables.insert(section.tables.end(), out.tables.begin(), out.tables.end());
            return;
        }
        section.tables.insert(section.tables.end(), out.tables.begin(), out.tables.end() - 1);
        const ResultTable& per_area = out.tables.back();
        if (!top_title.empty())
            section.tables.push_back(top_ten(
                per_area, top_title, out.layer ? place_by_code(*out.layer, map_options(*out.layer).places) : place_of));
        appendix.tables.push_back(per_area);
    };
    for (std::size_t k = 0; k < steps.size() && k < outputs.size(); ++k) {
        const auto& step = steps[k];
        if (!study_report_reads(step)) continue;  // the commands handled below
        const auto& out = outputs[k];
        auto add = [&](const std::string& title, const std::string& top_title) {
            auto& section = section_titled(in.extra_sections, title);
            if (out.layer) section.figures.push_back(per_area_map(title, out, layers, map_options(*out.layer)));
            summarised(section, out, top_title);
        };
        if (step.command == "atlas") {
            auto& section = section_titled(in.extra_sections, "Compared with similar towns and England & Wales");
            section.paragraphs.insert(section.paragraphs.end(), out.sentences.begin(), out.sentences.end());
            section.tables.insert(section.tables.end(), out.tables.begin(), out.tables.end());
        } else if (step.command == "change") {
            auto& section = section_titled(in.extra_sections, "Change over time");
            summarised(section, out, "The 10 areas whose make-up changed fastest");
            if (out.layer) section.figures.push_back(per_area_map("Change over time", out, layers, map_options(*out.layer)));
        } else if (step.command == "compare") {
            add("Is segregation rising?", "");
        } else if (step.command == "target esol") {
            // The output-area step brings the tables; the map step (the same ranking on the
            // map's areas) its map, and its per-area table to the appendix.
            if (out.layer && !out.tables.empty()) {
                section_titled(in.extra_sections, esol)
                    .figures.push_back(per_area_map(esol, out, layers, map_options(*out.layer)));
                appendix.tables.push_back(out.tables.back());
            } else {
                // Output areas have no polygons here: each is placed through its LSOA.
                const AreaLayer* lsoas = study.targeting() ? study.targeting()->layer() : nullptr;
                const PlaceLayer* places = lsoas ? map_options(*lsoas).places : nullptr;
                summarised(section_titled(in.extra_sections, esol), out,
                           "The 10 output areas where English classes are most needed",
                           places ? output_area_places(study, *places) : std::map<std::string, std::string>{});
            }
        } else if (step.command == "target hubs") {
            auto& section = section_titled(in.extra_sections, hubs);
            const std::size_t first = section.tables.size();
            summarised(section, out, "");
            // Each hub's site with the place it is in (the sites are area codes).
            if (const PlaceLayer* places = out.layer ? map_options(*out.layer).places : nullptr)
                for (std::size_t k = first; k < section.tables.size(); ++k) {
                    ResultTable& t = section.tables[k];
                    if (t.name != "hubs") continue;
                    for (std::size_t c = 0; c < t.columns.size(); ++c)
                        if (t.columns[c] == "site") {
                            insert_place_column(t, c, place_by_code(*out.layer, places));
                            break;
                        }
                }
            section.figures.push_back(per_area_map(hubs, out, layers, map_options(*out.layer)));
        } else if (step.command == "target licensing") {
            auto& section = section_titled(in.extra_sections, licensing);
            summarised(section, out, "");
            if (out.layer) section.figures.push_back(per_area_map(licensing, out, layers, map_options(*out.layer)));
        } else if (step.command == "simulate") {
            const AreaLayer* polygons =
                study.change() && study.change()->spatial ? &study.change()->spatial->layer : nullptr;
            what_if_section(section_titled(in.extra_sections, "What if"), out, polygons, layers,
                            polygons ? map_options(*polygons) : SectionMapOptions{});
        }
    }
    for (auto& s : request.extra_sections) {
        auto& target = section_titled(in.extra_sections, s.title);
        target.tables.insert(target.tables.end(), s.tables.begin(), s.tables.end());
        target.figures.insert(target.figures.end(), s.figures.begin(), s.figures.end());
    }
    for (const auto& f : study_findings(study, r.profile)) {
        in.findings.push_back(f.heading + (f.heading.ends_with('?') ? " " : ". ") + f.text);
        in.findings_sections.push_back(f.section);
    }
    r.document = town_report(in);
    // The censuses' years for the tables' A/B headings, when the project gives them.
    if (const auto& change = study.spec().change) {
        if (change->earlier_year > 0) r.document.display.earlier = std::to_string(change->earlier_year);
        if (change->later_year > 0) r.document.display.later = std::to_string(change->later_year);
    }
    if (!appendix.tables.empty()) r.document.sections.push_back(std::move(appendix));
    r.document.keep_alive = kept;
    return r;
}

}  // namespace cohesion
