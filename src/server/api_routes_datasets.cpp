// Routes over a dataset's table: the list of datasets, the OpenAPI document, index
// tables (optionally bootstrapped: heavy), local statistics and the per-area layer.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unordered_map>

#include "analysis/group_ranking.hpp"
#include "analysis/index_tables.hpp"
#include "core/table_operations.hpp"
#include "geo/geojson_features.hpp"
#include "server/api_routes.hpp"

namespace cohesion {

namespace {

// Per-area table: population, each group's share, then the local indices.
ResultTable area_table(const Table& table) {
    ResultTable local = local_table(table, {});
    const auto total = table.group_sum();
    std::vector<std::string> columns{"area", "population"};
    for (const auto& g : table.group_names()) columns.push_back(g + "_share");
    for (std::size_t c = 2; c < local.columns.size(); ++c) columns.push_back(local.columns[c]);
    ResultTable out;
    out.title = "Areas";
    out.notes = local.notes;
    out.columns = columns;
    for (std::size_t i = 0; i < table.areas(); ++i) {
        std::vector<Cell> row{local.rows[i][0], local.rows[i][1]};
        for (std::size_t g = 0; g < table.groups(); ++g)
            if (total[i] > 0) row.emplace_back(table.count(i, g) / total[i]);
            else row.emplace_back(std::monostate{});
        row.insert(row.end(), local.rows[i].begin() + 2, local.rows[i].end());
        out.add_row(std::move(row));
    }
    return out;
}

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
                                                   : fmt::format("; it has {}", fmt::join(names, ", ")))};
}

Table table_at_level(const ServedDataset& d, const std::string& level) {
    return level.empty() ? d.table : aggregate(d.table, level);
}

// The per-area table of a higher level, one row per polygon of the dataset: each area
// carries the values of the unit it belongs to (column `level_area`), so a map of output
// areas can show LSOAs, MSOAs or districts without polygons of its own for them.
ResultTable area_table_at_level(const ServedDataset& d, const std::string& level) {
    if (level.empty()) return area_table(d.table);
    const ResultTable units = area_table(aggregate(d.table, level));
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < units.rows.size(); ++r) row_of.emplace(std::get<std::string>(units.rows[r][0]), r);
    ResultTable out;
    out.title = "Areas, with the values of their " + level;
    out.notes = units.notes;
    out.notes.push_back("each area shows the values of the " + level + " it belongs to");
    out.columns = {"area", "level_area"};
    out.columns.insert(out.columns.end(), units.columns.begin() + 1, units.columns.end());
    const auto& labels = d.table.level(level).labels;
    for (std::size_t i = 0; i < d.table.areas(); ++i) {
        std::vector<Cell> row{d.table.area_codes()[i], labels[i]};
        if (const auto it = row_of.find(labels[i]); it != row_of.end())
            row.insert(row.end(), units.rows[it->second].begin() + 1, units.rows[it->second].end());
        else row.resize(out.columns.size());
        out.add_row(std::move(row));
    }
    return out;
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
                                {"levels", levels},
                                {"boundaries", d->geography.has_value()},
                                {"census", d->census.has_value()},
                                {"change", d->change ? nlohmann::json(d->change->label_earlier + " -> " +
                                                                      d->change->label_later)
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
            if (r.randomisation == 1) throw HttpError{400, "parameter 'randomisation': expected 0 or at least 2"};
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
                if (!d.table.find_group(g)) throw HttpError{400, fmt::format("parameter 'group': dataset '{}' has no group '{}'", d.name, g)};
            if (!r.suite.versus.empty() && !d.table.find_group(r.suite.versus))
                throw HttpError{400, fmt::format("parameter 'versus': dataset '{}' has no group '{}'", d.name, r.suite.versus)};
            const std::string level = checked_level(d, p);
            return PreparedWork{r.bootstrap > 0, [&d, r, level](std::string&, const std::stop_token& stop) mutable {
                                    r.stop = stop;
                                    return render_json(index_table(table_at_level(d, level), r));
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
                                                        const ResultTable t = area_table_at_level(d, level);
                                                        return respond_layer(d.geography, format, t, {t}, type);
                                                    }};
                            }};
}

}  // namespace cohesion
