#include "report/study_report.hpp"

#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <set>

#include "core/error.hpp"
#include <fmt/format.h>

#include "report/palette.hpp"
#include "report/section_map.hpp"
#include "report/town_report.hpp"
#include "study/findings.hpp"

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
    return section_map(title, layer, values, column, options);
}

}  // namespace

StudyReport study_report(const Study& study, const std::vector<StudyStep>& steps,
                         const std::vector<StudyOutput>& outputs, StudyReportRequest request) {
    const StudySpec& spec = study.spec();
    TownProfileOptions options = request.profile;
    options.bootstrap = spec.bootstrap;
    options.hot_spots.permutations = spec.permutations;
    options.seed = spec.seed;
    options.hot_spots.seed = spec.seed;
    if (options.host.empty()) options.host = spec.typology_host;
    options.enclaves = study.enclave_rule();
    const Table& table = study.spatial() ? study.spatial()->table : study.table();
    std::optional<Table> reference;
    if (study.reference()) reference = *study.reference();

    StudyReport r{town_profile(table, study.spatial() ? &study.spatial()->weights : nullptr, study.area_km2(),
                               reference, options),
                  {}};
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
    for (std::size_t k = 0; k < steps.size() && k < outputs.size(); ++k) {
        const auto& step = steps[k];
        const auto& out = outputs[k];
        auto add = [&](const std::string& title) {
            auto& section = section_titled(in.extra_sections, title);
            if (!out.layer) {
                section.tables.insert(section.tables.end(), out.tables.begin(), out.tables.end());
                return;
            }
            section.figures.push_back(per_area_map(title, out, layers, map_options(*out.layer)));
        };
        if (step.command == "atlas") {
            auto& section = section_titled(in.extra_sections, "Compared with similar towns and England & Wales");
            section.paragraphs.insert(section.paragraphs.end(), out.sentences.begin(), out.sentences.end());
            section.tables.insert(section.tables.end(), out.tables.begin(), out.tables.end());
        } else if (step.command == "change") {
            auto& section = section_titled(in.extra_sections, "Change over time");
            section.tables.insert(section.tables.end(), out.tables.begin(), out.tables.end());
            if (out.layer) section.figures.push_back(per_area_map("Change over time", out, layers, map_options(*out.layer)));
        } else if (step.command == "compare") {
            add("Is segregation rising?");
        } else if (step.command == "target esol") {
            add(esol);
        } else if (step.command == "target hubs") {
            auto& section = section_titled(in.extra_sections, hubs);
            section.tables.insert(section.tables.end(), out.tables.begin(), out.tables.end());
            section.figures.push_back(per_area_map(hubs, out, layers, map_options(*out.layer)));
        } else if (step.command == "target licensing") {
            auto& section = section_titled(in.extra_sections, licensing);
            section.tables.insert(section.tables.end(), out.tables.begin(), out.tables.end());
            if (out.layer) section.figures.push_back(per_area_map(licensing, out, layers, map_options(*out.layer)));
        }
    }
    for (auto& s : request.extra_sections) {
        auto& target = section_titled(in.extra_sections, s.title);
        target.tables.insert(target.tables.end(), s.tables.begin(), s.tables.end());
        target.figures.insert(target.figures.end(), s.figures.begin(), s.figures.end());
    }
    for (const auto& f : study_findings(study, r.profile))
        in.findings.push_back(f.heading + (f.heading.ends_with('?') ? " " : ". ") + f.text + " (Behind it: “" + f.section + "”.)");
    r.document = town_report(in);
    r.document.keep_alive = kept;
    return r;
}

}  // namespace cohesion
