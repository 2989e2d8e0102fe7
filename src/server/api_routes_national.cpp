// Routes over the national tables: the atlas map (/api/atlas, serve --atlas DIR) and a town
// built on demand from the national tables (/api/town, serve --national).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/error.hpp"
#include "server/api_routes.hpp"
#include "server/request_text.hpp"
#include "server/served_atlas.hpp"
#include "server/town_datasets.hpp"

namespace cohesion {

namespace {

const ServedAtlas& atlas_of(const DatasetCatalog& catalog) {
    if (!catalog.atlas()) throw HttpError{404, "this server has no atlas (start it with --atlas DIR)"};
    return *catalog.atlas();
}

TownDatasets& towns_of(const DatasetCatalog& catalog) {
    if (!catalog.towns()) throw HttpError{404, "this server builds no towns (start it with --national)"};
    return *catalog.towns();
}

nlohmann::json dataset_json(const ServedDataset& d, const TownSelection& t, const TownEntry* entry) {
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& l : d.table.levels()) levels.push_back(l.name);
    return {{"dataset", d.name},  {"name", t.name},
            {"code", t.code},     {"region", entry ? entry->region : ""},
            {"where", t.where},   {"areas", d.table.areas()},
            {"groups", d.table.group_names()}, {"group_labels", group_labels(d.table.group_names())},
            {"levels", levels},
            {"boundaries", d.geography.has_value()}};
}

}  // namespace

void add_national_routes(RouteTable& routes, const DatasetCatalog& catalog, const ApiOptions&) {
    // The choropleth of one measure and group over the local authorities; with
    // format=geojson, the LAD polygons (simplified for the web) carrying each row, plus
    // the measures and groups the atlas has, so a client can offer them.
    routes["/api/atlas"] = {{"measure", "group", "format"}, [&catalog](const ApiParameters& p) {
        const ServedAtlas& a = atlas_of(catalog);
        check_layer_format(p);
        const std::string measure = p.text("measure"), group = p.text("group"), format = p.text("format", "json");
        if (format == "geojson" && !a.geojson)
            throw HttpError{400, "format=geojson needs the atlas's polygons (atlas.gpkg), and this atlas has none"};
        return PreparedWork{false, [&a, measure, group, format](std::string& type, const std::stop_token&) {
            const ResultTable t = atlas_choropleth_table(a.atlas, measure, group);
            const std::string index = measure.empty() ? "dissimilarity" : measure;
            if (format == "csv") {
                type = "text/csv";
                return render_csv(t);
            }
            if (format == "json") return render_json(std::vector<ResultTable>{t});
            type = "application/geo+json";
            nlohmann::json groups = nlohmann::json::object();
            for (const auto& index : a.atlas.indices()) groups[index] = a.atlas.groups(index);
            const nlohmann::json about{{"measures", a.atlas.indices()},
                                       {"groups", groups},
                                       {"measure", index},
                                       {"group", group.empty() ? a.atlas.groups(index).front() : group},
                                       {"notes", t.notes},
                                       {"local_authorities", t.rows.size()}};
            // Colour classes over the ranked authorities only: a value the ranking rule set aside
            // (too few of the group, or no different from chance) is noise the map must not
            // paint as "most segregated"; the dashboard draws those authorities pale.
            ResultTable ranked = t;
            const auto column = [&t](std::string_view name) {
                return static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), name) - t.columns.begin());
            };
            for (auto& row : ranked.rows)
                if (std::holds_alternative<std::monostate>(row[column("rank")])) row[column("estimate")] = Cell{};
            std::string geojson = with_classes(features_geojson(t, *a.geojson), ranked);
            std::string members = about.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            members = members.substr(1, members.size() - 2) + ",";  // the object's members, spliced in
            geojson.insert(1, members);
            return geojson;
        }};
    }};
    // Builds (or finds) a town's dataset; its answer names the dataset for the other
    // endpoints ("town:Bedford"). Not cached: the town may leave the bounded cache.
    routes["/api/town"] = {{"name"}, [&catalog](const ApiParameters& p) {
        TownDatasets& towns = towns_of(catalog);
        const std::string name = p.text("name");
        if (name.empty()) throw HttpError{400, "parameter 'name' is required: a local authority name or code", "name"};
        TownSelection t;
        try {
            t = towns.resolve(name);
        } catch (const Error& e) {
            throw HttpError{404, e.message()};
        }
        const TownEntry* entry = nullptr;
        for (const auto& e : towns.directory().towns)
            if (e.name == t.name) entry = &e;
        PreparedWork work{true, [&towns, t, entry](std::string&, const std::stop_token&) {
            const auto d = towns.open(t);
            return dataset_json(*d, t, entry).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }};
        work.cacheable = false;
        return work;
    }};
}

}  // namespace cohesion
