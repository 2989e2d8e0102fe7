#include "study/study.hpp"

#include <tbb/task_group.h>

#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <numeric>
#include <set>

#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "io/file_checksum.hpp"
#include "io/table_input.hpp"
#include "simulation/calibration.hpp"
#include "simulation/parameters_json.hpp"
#include "targeting/facility_location.hpp"

namespace cohesion {

namespace {

// One part of the study, named as the project file names it (the spec's parts are the
// file's sections): `section` ("table", "change.later"), and `key` when the part checks
// one key's value ("hotspots") — empty when it loads the file the section names (`path`).
struct Part {
    std::string section;
    std::string key = {};
    std::string path = {};
};

// Runs one load; an error is re-thrown with the part of the study it concerns, so the user
// knows which input to fix. An error about a field becomes about the section's key: the
// part's own key ("analyses.hotspots" for an unknown group there), or, for a load, the
// section's key of that name ("table.where"), which each front end names in its terms
// (src/project/project_errors.cpp: the key and its line). Others keep the text:
// "[change.later] PATH: ...".
template <class F>
auto part(const Part& p, F&& load) {
    try {
        return load();
    } catch (const Error& e) {
        if (!e.field().empty()) throw e.about(p.section + "." + (p.key.empty() ? e.field() : p.key));
        throw e.within("[" + p.section + "] " + (p.key.empty() ? p.path : p.key));
    }
}

void require_groups(const Table& table, const std::vector<std::string>& groups) {
    for (const auto& g : groups) table.group_index(g, "group");
}

AreaLayer boundaries(const std::string& path, const AreaLayerOptions& options = {}) {
    return load_area_layer(path, options);
}


}  // namespace

std::string study_town_name(const StudySpec& spec) {
    if (!spec.name.empty()) return spec.name;
    for (const auto& w : spec.table.where)
        if (const auto eq = w.find('='); eq != std::string::npos) return w.substr(eq + 1);
    return std::filesystem::path(spec.table.path).stem().string();
}

AreaLayer StudyFiles::layer(const std::string& path) {
    Read* read = nullptr;
    {
        const std::lock_guard<std::mutex> hold(lock_);
        read = &layers_[path];
    }
    std::call_once(read->once, [&] { read->layer = load_area_layer(path); });
    std::vector<std::size_t> every(read->layer.size());
    std::iota(every.begin(), every.end(), std::size_t{0});
    return subset_layer(read->layer, every);
}

StudyChangeInputs load_study_change(const StudyChangeSpec& c, bool polygons, StudyFiles* files) {
    StudyFiles own;
    StudyFiles& f = files ? *files : own;
    StudyChangeInputs in;
    const Table earlier = part({"change.earlier", "", c.earlier.path}, [&] { return f.tables.load(c.earlier); });
    in.earlier = part({"change", "", "lookup"}, [&] { return harmonise_with_lookup(earlier, c.lookup); });
    TableInput later = c.later;
    const bool inherited = later.groups.empty();
    if (inherited) later.groups = in.earlier.table.group_names();
    in.later = part({"change.later", "", c.later.path}, [&] {
        try {
            return f.tables.load(later);
        } catch (const Error& e) {
            // The earlier table's groups, not ones the user listed: no "groups" field to blame.
            if (!inherited || e.field() != "groups") throw;
            throw Error(e.where(), e.message() + "; map both tables onto the same groups (a scheme or merge)");
        }
    });
    if (c.later_areas_of_earlier) in.later = select_area_codes(in.later, in.earlier.table.area_codes());
    part({"change", "emerging"}, [&] { require_groups(in.later, c.emerging); return 0; });
    in.label_earlier = c.earlier.path + " (harmonised through " + c.lookup.lookup + ")";
    in.label_later = c.later.path;
    if (polygons && !c.boundaries.empty())
        in.spatial = part({"change", "", "boundaries"}, [&] {
            return join_spatial(in.earlier.table, f.layer(c.boundaries), WeightsSpec{}, c.boundaries);
        });
    return in;
}

StudyWhatIfInputs load_study_what_if(const StudyWhatIfSpec& w, StudyFiles* files) {
    StudyWhatIfInputs in;
    in.sources = part({"simulation", "town"}, [&] { return town_sources(w.town, w.data, w.shared); });
    TownReaders readers;
    if (files) {
        readers.table = [files](const TableInput& input) { return files->tables.load(input); };
        readers.layer = [files](const std::string& path) { return files->layer(path); };
    }
    in.town = part({"simulation", "", "town " + w.town}, [&] { return load_town(in.sources, readers); });
    if (w.parameters.empty()) {
        in.parameters = neutral_parameters(in.town.groups.size());
        in.notes.push_back("model parameters: none calibrated given; neutral preferences (β = 0, −0.1 per km)");
    } else {
        in.parameters = part({"simulation", "parameters"}, [&] { return load_parameters(w.parameters, in.town.groups); });
        in.notes.push_back("model parameters: " + w.parameters +
                           (in.town.name == "Bedford" ? std::string()
                                                      : " (calibrated on another town: an assumption of transfer)"));
    }
    // Every scenario against the town now, so an unknown area or group stops the study
    // before any analysis runs.
    const SimulationSetup setup = make_setup(in.town, true, w.years);
    for (const auto& scenario : w.scenarios)
        part({"scenario", "", scenario.name}, [&] { return resolve_levers(scenario, setup); });
    return in;
}

void Study::record(const std::string& role, const std::string& path) {
    if (path.empty() || path.rfind("PG:", 0) == 0) return;
    for (const auto& f : inputs_)
        if (f.path == path) return;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return;  // folders are recorded file by file
    inputs_.push_back({role, path, sha256_of_file(path)});
}

Study::Study(StudySpec spec, const std::function<void(const std::string&)>& step, StudyFiles* files)
    : spec_(std::move(spec)), hot_spot_memo_(std::make_shared<HotSpotMemo>()) {
    const auto tables_before = tables_loaded();
    const auto layers_before = area_layers_loaded();
    std::mutex telling;
    auto tell = [&step, &telling](const std::string& what) {
        const std::lock_guard<std::mutex> hold(telling);
        if (step) step(what);
    };
    const auto& s = spec_;
    StudyFiles own;
    StudyFiles& f = files ? *files : own;

    // The parts below read their own files (a file two parts name is parsed once: StudyFiles),
    // so they are read side by side. If several fail, the first in this order is reported,
    // the same one every time.
    std::vector<std::function<void()>> parts;
    parts.push_back([&] {
        tell("reading the table");
        table_ = part({"table", "", s.table.path}, [&] { return f.tables.load(s.table); });
        part({"analyses", "hotspots"}, [&] { require_groups(table_, s.hotspots); return 0; });
        part({"analyses", "enclaves"}, [&] { require_groups(table_, s.enclaves); return 0; });
        if (!s.typology_host.empty())
            part({"analyses", "typology_host"}, [&] { return table_.group_index(s.typology_host, "typology_host"); });
        if (!s.boundaries.empty()) {
            tell("reading the boundaries");
            spatial_ = part({"boundaries", "", "path"}, [&] {
                return join_spatial(table_, boundaries(s.boundaries, s.layer), s.weights, s.boundaries);
            });
            area_km2_ = cohesion::area_km2(*spatial_);
        }
        enclave_rule_ = s.enclave_rule;
        if (!s.places.empty() && spatial_) {
            tell("reading the places");
            const AreaLayer town = subset_layer(spatial_->layer, spatial_->feature);
            places_ = part({"report", "", "places"}, [&] { return load_place_layer(s.places, town.crs); });
            enclave_rule_.places = place_of_areas(town, *places_);
        }
    });
    if (!s.reference.empty())
        parts.push_back([&] {
            tell("reading the reference area");
            TableInput r = s.table;  // same options, the whole area
            r.path = s.reference;
            r.where.clear();
            reference_ = part({"reference", "", "path"}, [&] { return f.tables.load(r); });
        });
    if (!s.national_table.empty())
        parts.push_back([&] {
            tell("reading the national table");
            TableInput n;
            n.path = s.national_table;
            national_ = part({"national", "", "table"}, [&] { return f.tables.load(n); });
        });
    if (s.change)
        parts.push_back([&] {
            tell("harmonising the earlier census onto the later areas");
            change_ = load_study_change(*s.change, true, &f);
        });
    if (s.targeting)
        parts.push_back([&] {
            const auto& t = *s.targeting;
            tell("reading the Census 2021 tables");
            StudyTargetingInputs in;
            part({"targeting", "model"}, [&] { return parse_location_model(t.model); });
            in.output_areas = std::make_shared<CensusTopics>(t.census);
            // Every topic now, so a missing table stops the study before any analysis runs.
            for (const char* topic : {"ts001", "ts004", "ts029", "ts054"})
                part({"targeting", "", "census"}, [&]() -> const Table& { return in.output_areas->topic(topic); });
            in.aggregated = t.aggregate.empty() ? in.output_areas
                                                : std::make_shared<CensusTopics>(in.output_areas, t.aggregate);
            if (!t.boundaries.empty())
                in.tenure = part({"targeting", "", "boundaries"}, [&] {
                    return join_spatial(in.aggregated->topic("ts054"), f.layer(t.boundaries), WeightsSpec{},
                                        t.boundaries);
                });
            targeting_ = std::move(in);
        });
    if (s.what_if)
        parts.push_back([&] {
            tell("reading the town for the what-if scenarios");
            what_if_ = load_study_what_if(*s.what_if, &f);
        });
    std::vector<std::exception_ptr> failed(parts.size());
    tbb::task_group reading;
    for (std::size_t i = 0; i < parts.size(); ++i)
        reading.run([&, i] {
            try {
                parts[i]();
            } catch (...) {
                failed[i] = std::current_exception();
            }
        });
    reading.wait();
    for (const auto& e : failed)
        if (e) std::rethrow_exception(e);

    // Provenance, in the spec's order.
    for (const auto& [role, path] : {std::pair{"table", s.table.path}, {"table scheme", s.table.scheme_path},
                                     {"table totals", s.table.percent_of}, {"table levels", s.table.levels_from}})
        record(role, path);
    if (spatial_) record("boundaries", s.boundaries);
    if (places_) record("places", s.places);
    if (reference_) record("reference", s.reference);
    if (national_) record("national table", s.national_table);
    if (s.change) {
        const auto& c = *s.change;
        for (const auto& [role, path] :
             {std::pair{"change.earlier", c.earlier.path}, {"change.earlier scheme", c.earlier.scheme_path},
              {"change.later", c.later.path}, {"change.later scheme", c.later.scheme_path},
              {"change lookup", c.lookup.lookup}, {"change weights", c.lookup.weights_table},
              {"change boundaries", c.boundaries}})
            record(role, path);
    }
    if (s.targeting) {
        const auto& t = *s.targeting;
        for (const char* stem : {"ts001", "ts004", "ts029", "ts054", "oa2021_lookup"})
            for (const char* ext : {".csv", ".csv.gz"})
                record("targeting census", (std::filesystem::path(t.census.folder) / (std::string(stem) + ext)).string());
        if (!t.boundaries.empty()) record("targeting boundaries", t.boundaries);
    }
    if (what_if_) {
        const auto& src = what_if_->sources;
        for (const auto& [role, path] :
             {std::pair{"simulation earlier", src.earlier}, {"simulation later", src.later},
              {"simulation lookup", src.lookup}, {"simulation households", src.households},
              {"simulation boundaries", src.boundaries}, {"simulation parameters", s.what_if->parameters}})
            record(role, path);
    }
    tables_read_ = tables_loaded() - tables_before;
    layers_read_ = area_layers_loaded() - layers_before;
}

}  // namespace cohesion
