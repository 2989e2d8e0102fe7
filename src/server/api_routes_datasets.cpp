// Routes over a dataset's table: the list of datasets, the OpenAPI document, index
// tables (optionally bootstrapped: heavy), local statistics and the per-area layer.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unordered_map>

#include "analysis/group_ranking.hpp"
#include "analysis/index_tables.hpp"
#include "analysis/multilevel_tables.hpp"
#include "core/table_operations.hpp"
#include "geo/geojson_features.hpp"
#include "analysis/area_table.hpp"
#include "server/api_routes.hpp"

namespace cohesion {

namespace {

// The level must exist before work is queued; aggregation itself runs on the worker.
std::string checked_level(const ServedDataset& d, const ApiParameters& p) {
    const std::string level = p.text("level");
    if (level.empty()) return level;
    for (const auto& l : d.table.levels())
        if (l.name == level) return level;
    std::vector<std::string> names;
    for (const auto& l : d.table.levels()) names.push_back(l.name);
    throw HttpError{400, fmt::format("parameter 'level': dataset '{}' has no level '{}'{}", d.name, level,
                                     names.empty() ? std::string(" (it has none)")
                                                   : fmt::format("; it has {}", fmt::join(names, ", "))),
                    "level"};
}

Table table_at_level(const ServedDataset& d, const std::string& level) {
    return level.empty() ? d.table : aggregate(d.table, level);
}

}  // namespace

void add_dataset_routes(RouteTable& routes, const DatasetCatalog& catalog, const ApiOptions& options) {
    routes["/api/openapi.json"] = {{}, [](const ApiParameters&) {
                                       return PreparedWork{false,
                                                           [](std::string&, const std::stop_token&) {
                                                               return openapi_document();
                                                           },
                                                           true};
                                   }};
    routes["/api/datasets"] = {{}, [&catalog](const ApiParameters&) {
        return PreparedWork{false, [&catalog](std::string&, const std::stop_token&) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& [name, d] : catalog.all()) {
                nlohmann::json levels = nlohmann::json::array();
                for (const auto& l : d->table.levels()) levels.push_back(l.name);
                list.push_back({{"name", name},
                                {"areas", d->table.areas()},
                                {"groups", d->table.group_names()},
                                {"group_labels", group_labels(d->table.group_names())},
                                {"levels", levels},
                                {"boundaries", d->geography.has_value()},
                                {"census", d->census.has_value()},
                                {"findings", d->findings != nullptr},
                                {"change", d->change ? nlohmann::json(d->change->label_earlier + " -> " +
                                                                      d->change->label_later)
                                                     : nlohmann::json(nullptr)},
                                // The censuses' years (the dashboard's headings say "2011", not "A").
                                {"change_years", d->change && d->change->earlier_year && d->change->later_year
                                                     ? nlohmann::json::array({d->change->earlier_year,
                                                                              d->change->later_year})
                                                     : nlohmann::json(nullptr)}});
            }
            return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }};
    }};
    // Who lives most apart, by the report's rule and defaults (analysis/group_ranking.hpp):
    // the dashboard opens on the top group, the report's key-figure group.
    routes["/api/ranking"] = {
        {"dataset", "bootstrap", "randomisation", "seed"}, [&catalog, options](const ApiParameters& p) {
            const ServedDataset& d = dataset_of(catalog, p);
            GroupRankingOptions r;
            r.bootstrap = static_cast<int>(p.integer("bootstrap", 100, 0, options.max_bootstrap));
            r.randomisation = static_cast<int>(p.integer("randomisation", 100, 0, options.max_bootstrap));
            if (r.randomisation == 1) throw HttpError{400, "parameter 'randomisation': expected 0 or at least 2", "randomisation"};
            r.seed = p.seed("seed", 20170601);
            return PreparedWork{true, [&d, r](std::string&, const std::stop_token& stop) mutable {
                                    r.stop = stop;
                                    const GroupRankings k = rank_groups(d.table, r);
                                    nlohmann::json out = nlohmann::json::parse(render_json({ranking_table(k)}));
                                    const GroupRanking* top = k.top();
                                    return nlohmann::json{{"top", top ? nlohmann::json(top->group) : nlohmann::json(nullptr)},
                                                          {"rule", describe(k.rule)},
                                                          {"tables", out}}
                                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                                }};
        }};
    // The report's first page in sentences (study/findings.hpp), for a served project: its
    // CLI twin is `cohesion findings PROJECT`. Computed once, on the first request.
    routes["/api/findings"] = {{"dataset"}, [&catalog](const ApiParameters& p) {
                                   const ServedDataset& d = dataset_of(catalog, p);
                                   if (!d.findings)
                                       throw HttpError{400, "dataset '" + d.name + "' has no findings: they need a "
                                                            "project (serve --project FILE), not --dataset"};
                                   return PreparedWork{true, [findings = d.findings](std::string&, const std::stop_token&) {
                                                           return findings->json();
                                                       }};
                               }};
    routes["/api/indices"] = {
        {"dataset", "index", "group", "versus", "level", "bootstrap", "confidence", "seed"},
        [&catalog, options](const ApiParameters& p) {
            const ServedDataset& d = dataset_of(catalog, p);
            IndexTableRequest r;
            r.suite.indices = p.list("index");
            r.suite.focal = p.list("group");
            r.suite.versus = p.text("versus");
            r.suite.include_stochastic = false;  // simulation-based indices take seconds; not for an interactive API
            r.suite.params.seed = p.seed("seed", 20170601);
            r.bootstrap = static_cast<int>(p.integer("bootstrap", 0, 0, options.max_bootstrap));
            r.confidence = p.real("confidence", 0.95, 0.5, 0.999);
            for (const auto& g : r.suite.focal)
                if (!d.table.find_group(g)) throw HttpError{400, fmt::format("parameter 'group': dataset '{}' has no group '{}'", d.name, g), "group"};
            if (!r.suite.versus.empty() && !d.table.find_group(r.suite.versus))
                throw HttpError{400, fmt::format("parameter 'versus': dataset '{}' has no group '{}'", d.name, r.suite.versus),
                                "versus"};
            const std::string level = checked_level(d, p);
            return PreparedWork{r.bootstrap > 0, [&d, r, level](std::string&, const std::stop_token& stop) mutable {
                                    r.stop = stop;
                                    return render_json(index_table(table_at_level(d, level), r));
                                }};
        }};
    // `cohesion multilevel` on the dataset's table: the same library call, the same tables.
    routes["/api/multilevel"] = {
        {"dataset", "levels", "group", "versus", "omit", "places", "map_level", "top", "bootstrap", "expected_draws",
         "seed"},
        [&catalog, options](const ApiParameters& p) {
            const ServedDataset& d = dataset_of(catalog, p);
            MultilevelRequest r;
            r.levels = p.list("levels");
            if (r.levels.size() < 2)
                throw HttpError{400, "parameter 'levels': expected at least two comma-separated levels, base first, "
                                     "e.g. OA,LSOA,MSOA",
                                "levels"};
            r.group = p.text("group");
            r.versus = p.text("versus");
            for (const auto* g : {&r.group, &r.versus})
                if (!g->empty() && !d.table.find_group(*g))
                    throw HttpError{400,
                                    fmt::format("parameter '{}': dataset '{}' has no group '{}'",
                                                g == &r.group ? "group" : "versus", d.name, *g),
                                    g == &r.group ? "group" : "versus"};
            r.omit = p.list("omit");
            r.places = p.list("places");
            r.map_level = p.text("map_level");
            r.top = static_cast<std::size_t>(p.integer("top", 10, 1, 1000));
            r.bootstrap = static_cast<std::size_t>(p.integer("bootstrap", 0, 0, options.max_bootstrap));
            r.expected_draws = static_cast<std::size_t>(p.integer("expected_draws", 100, 0, 1000));
            r.seed = p.seed("seed", 2017);
            return PreparedWork{true, [&d, r](std::string&, const std::stop_token&) {
                                    return render_json(multilevel_tables(d.table, r));
                                }};
        }};
    routes["/api/local"] = {{"dataset", "index", "level"}, [&catalog](const ApiParameters& p) {
                                const ServedDataset& d = dataset_of(catalog, p);
                                const auto indices = p.list("index");
                                const std::string level = checked_level(d, p);
                                return PreparedWork{false, [&d, indices, level](std::string&, const std::stop_token&) {
                                                        return render_json(local_table(table_at_level(d, level), indices));
                                                    }};
                            }};
    routes["/api/areas"] = {{"dataset", "format", "level"}, [&catalog](const ApiParameters& p) {
                                const ServedDataset& d = dataset_of(catalog, p);
                                const std::string level = checked_level(d, p);
                                check_layer_format(p);
                                if (p.text("format") == "geojson" && !d.geography)
                                    throw HttpError{400, "format=geojson needs boundaries, and dataset '" + d.name +
                                                             "' was served without them"};
                                const std::string format = p.text("format", "json");
                                return PreparedWork{false, [&d, format, level](std::string& type, const std::stop_token&) {
                                                        const ResultTable t = area_table_at_level(d.table, level);
                                                        return respond_layer(d.geography, format, t, {t}, type);
                                                    }};
                            }};
}

}  // namespace cohesion
