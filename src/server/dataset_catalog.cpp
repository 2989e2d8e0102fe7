#include "server/dataset_catalog.hpp"

#include "analysis/spatial_data.hpp"

#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "geo/place_layer.hpp"
#include "geo/table_join.hpp"
#include "weights/contiguity.hpp"

namespace cohesion {

namespace {

// "NAME=PATH" or "NAME=PATH@BOUNDARIES", for the dataset and census fields (serve's options).
struct DatasetSpec {
    std::string name, path, boundaries;
};

DatasetSpec parse_spec(const std::string& spec, const std::string& field, const std::string& path) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
        throw Error(Field{field},
                    "expected NAME=" + path + " or NAME=" + path + "@BOUNDARIES, got '" + spec + "'");
    const std::string rest = spec.substr(eq + 1);
    const auto at = rest.find('@');
    return {spec.substr(0, eq), rest.substr(0, at), at == std::string::npos ? "" : rest.substr(at + 1)};
}

}  // namespace

ServedGeography join_geography(Table& table, AreaLayer layer, const std::string& boundaries) {
    ServedGeography g;
    g.boundaries = boundaries;
    // The join every front end makes (analysis/spatial_data): same areas, weights and notes.
    SpatialData joined = join_spatial(table, std::move(layer), WeightsSpec{}, boundaries);
    g.area_km2 = area_km2(joined);
    table = std::move(joined.table);
    g.layer = std::move(joined.layer);
    g.feature = std::move(joined.feature);
    g.weights = std::move(joined.weights);
    g.notes = std::move(joined.notes);
    g.geojson = geojson_geometries(g.layer);
    return g;
}

void DatasetCatalog::add(const std::string& spec) {
    const DatasetSpec s = parse_spec(spec, "dataset", "TABLE");
    TableInput input;
    input.path = s.path;
    add(s.name, input, s.boundaries);
}

void DatasetCatalog::set_places(const std::string& name, const std::string& path) {
    const auto it = datasets_.find(name);
    if (it == datasets_.end() || !it->second->geography)
        throw Error(Location{path, 0, "places"}, "place names need a dataset with boundaries");
    // The table's areas, and the census and change areas (their maps and hub names).
    ServedDataset& d = *it->second;
    PlaceLayers places(path);  // read once per CRS
    for (auto* g : {&*d.geography, d.census && d.census->geography ? &*d.census->geography : nullptr,
                    d.change && d.change->geography ? &*d.change->geography : nullptr}) {
        if (!g) continue;
        const AreaLayer areas = subset_layer(g->layer, g->feature);
        g->places = place_of_areas(areas, *places.in_crs(areas.crs));
        for (std::size_t i = 0; i < areas.size() && i < g->places.size(); ++i)
            if (!g->places[i].empty()) g->place_of[areas.codes[i]] = g->places[i];
    }
}

void DatasetCatalog::add(std::string name, TableInput input, const std::string& boundaries) {
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
            throw Error(Field{"dataset"}, "dataset names use letters, digits, _ and - only: '" + name + "'");
    if (datasets_.count(name)) throw Error(Field{"dataset"}, "dataset '" + name + "' is given twice");
    auto d = std::make_unique<ServedDataset>();
    d->name = name;
    d->input = input;
    d->table = load_table(input);
    if (!boundaries.empty()) d->geography = join_geography(d->table, load_area_layer(boundaries), boundaries);
    datasets_.emplace(std::move(name), std::move(d));
}

void DatasetCatalog::add_census(const std::string& spec, const std::vector<std::string>& where,
                                const std::string& aggregate) {
    const DatasetSpec s = parse_spec(spec, "census", "FOLDER");
    add_census(s.name, CensusSource{s.path, where, aggregate}, s.boundaries);
}

void DatasetCatalog::add_census(const std::string& name, CensusSource source, const std::string& boundaries) {
    const auto it = datasets_.find(name);
    if (it == datasets_.end())
        throw Error(Field{"census"}, "no dataset '" + name + "' to attach census tables to; give it with " + field_ref("dataset"));
    if (it->second->census) throw Error(Field{"census"}, "dataset '" + name + "' has census tables already");
    ServedCensus c;
    c.topics = std::make_shared<const CensusTopics>(std::move(source));
    // Every topic the endpoints read loads now: a bad file stops the start-up, not a request.
    for (const char* topic : {"ts001", "ts004", "ts029"}) (void)c.topics->topic(topic);
    c.tenure = c.topics->topic("ts054");
    if (!boundaries.empty()) c.geography = join_geography(c.tenure, load_area_layer(boundaries), boundaries);
    it->second->census = std::move(c);
}

void DatasetCatalog::add_change(const std::string& name, ServedChange change, const std::string& boundaries) {
    const auto it = datasets_.find(name);
    if (it == datasets_.end()) throw Error(Field{"project"}, "no dataset '" + name + "' to attach change to");
    if (!boundaries.empty()) change.geography = join_geography(change.later, load_area_layer(boundaries), boundaries);
    it->second->change = std::move(change);
}

void DatasetCatalog::set_study(const std::string& name, StudySpec study) {
    const auto it = datasets_.find(name);
    if (it == datasets_.end()) throw Error(Field{"project"}, "no dataset '" + name + "' to attach a study to");
    it->second->findings = std::make_shared<ServedFindings>(std::move(study));
}

void DatasetCatalog::add_scenarios(const std::string& name, ServedScenarios scenarios) {
    const auto it = datasets_.find(name);
    if (it == datasets_.end()) throw Error(Field{"project"}, "no dataset '" + name + "' to attach scenarios to");
    it->second->scenarios = std::move(scenarios);
}

const ServedDataset* DatasetCatalog::find(const std::string& name) const {
    const auto it = datasets_.find(name);
    return it == datasets_.end() ? nullptr : it->second.get();
}

}  // namespace cohesion
