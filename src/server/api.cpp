#include "server/api.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>

#include "analysis/change_tables.hpp"
#include "analysis/esol_targeting.hpp"
#include "analysis/group_enclaves.hpp"
#include "analysis/hub_siting.hpp"
#include "analysis/licensing_screen.hpp"
#include "analysis/index_tables.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "core/error.hpp"
#include "core/table_operations.hpp"

namespace cohesion {

namespace {

// A client mistake (4xx), as opposed to a failure of ours (5xx).
struct HttpError {
    int status;
    std::string message;
};

class Cache {
public:
    explicit Cache(std::size_t capacity) : capacity_(capacity) {}
    bool get(const std::string& key, std::string& body, std::string& type) {
        std::lock_guard lock(mutex_);
        const auto it = entries_.find(key);
        if (it == entries_.end()) return false;
        body = it->second.first;
        type = it->second.second;
        return true;
    }
    void put(const std::string& key, const std::string& body, const std::string& type) {
        std::lock_guard lock(mutex_);
        if (entries_.size() >= capacity_) entries_.clear();  // simple and bounded; results are cheap to redo
        entries_.emplace(key, std::make_pair(body, type));
    }

private:
    std::size_t capacity_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::pair<std::string, std::string>> entries_;
};

// The request's parameters, checked against what the endpoint accepts.
class Params {
public:
    Params(const httplib::Request& req, std::set<std::string> allowed) {
        for (const auto& [k, v] : req.params) {
            if (!allowed.count(k))
                throw HttpError{400, fmt::format("unknown parameter '{}'; this endpoint takes: {}", k,
                                                 fmt::join(allowed, ", "))};
            if (values_.count(k)) throw HttpError{400, "parameter '" + k + "' is given twice"};
            if (v.size() > 2000) throw HttpError{400, "parameter '" + k + "' is too long"};
            values_[k] = v;
        }
    }
    std::string text(const std::string& k, const std::string& fallback = "") const {
        const auto it = values_.find(k);
        return it == values_.end() ? fallback : it->second;
    }
    std::vector<std::string> list(const std::string& k) const {
        std::vector<std::string> out;
        const std::string v = text(k);
        std::size_t start = 0;
        while (start <= v.size() && !v.empty()) {
            const auto comma = v.find(',', start);
            std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (item.empty()) throw HttpError{400, "parameter '" + k + "' has an empty item"};
            out.push_back(item);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        return out;
    }
    long integer(const std::string& k, long fallback, long lo, long hi) const {
        const std::string v = text(k);
        if (v.empty()) return fallback;
        char* end = nullptr;
        const long n = std::strtol(v.c_str(), &end, 10);
        if (end != v.c_str() + v.size() || n < lo || n > hi)
            throw HttpError{400, fmt::format("parameter '{}' must be a whole number from {} to {}, got '{}'", k, lo, hi, v)};
        return n;
    }
    double real(const std::string& k, double fallback, double lo, double hi) const {
        const std::string v = text(k);
        if (v.empty()) return fallback;
        char* end = nullptr;
        const double n = std::strtod(v.c_str(), &end);
        if (end != v.c_str() + v.size() || !(n >= lo && n <= hi))
            throw HttpError{400, fmt::format("parameter '{}' must be a number from {} to {}, got '{}'", k, lo, hi, v)};
        return n;
    }
    std::string key() const {
        std::string k;
        for (const auto& [a, b] : values_) k += a + "=" + b + "&";
        return k;
    }

private:
    std::map<std::string, std::string> values_;
};

void send_json_error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(nlohmann::json{{"error", message}}.dump(), "application/json");
}

const ServedDataset& dataset_of(const DatasetCatalog& catalog, const Params& p) {
    const std::string name = p.text("dataset");
    if (name.empty()) throw HttpError{400, "parameter 'dataset' is required (see /api/datasets)"};
    const ServedDataset* d = catalog.find(name);
    if (!d) throw HttpError{404, "no dataset '" + name + "' (see /api/datasets)"};
    return *d;
}

Table table_at_level(const ServedDataset& d, const Params& p) {
    const std::string level = p.text("level");
    return level.empty() ? d.table : aggregate(d.table, level);
}

std::string required_group(const Params& p) {
    const std::string group = p.text("group");
    if (group.empty()) throw HttpError{400, "parameter 'group' is required"};
    return group;
}

const ServedDataset& spatial_dataset(const DatasetCatalog& catalog, const Params& p) {
    const ServedDataset& d = dataset_of(catalog, p);
    if (!d.geography) throw HttpError{400, "dataset '" + d.name + "' was served without boundaries"};
    return d;
}

const ServedCensus& census_of(const ServedDataset& d) {
    if (!d.census)
        throw HttpError{400, "dataset '" + d.name + "' was served without census tables (serve --census or a project "
                             "with a [targeting] section)"};
    return *d.census;
}

// Per-area table: population, each group's share, then the local indices.
ResultTable area_table(const ServedDataset& d) {
    ResultTable local = local_table(d.table, {});
    const auto total = d.table.group_sum();
    std::vector<std::string> columns{"area", "population"};
    for (const auto& g : d.table.group_names()) columns.push_back(g + "_share");
    for (std::size_t c = 2; c < local.columns.size(); ++c) columns.push_back(local.columns[c]);
    ResultTable out;
    out.title = "Areas";
    out.notes = local.notes;
    out.columns = columns;
    for (std::size_t i = 0; i < d.table.areas(); ++i) {
        std::vector<Cell> row{local.rows[i][0], local.rows[i][1]};
        for (std::size_t g = 0; g < d.table.groups(); ++g)
            if (total[i] > 0) row.emplace_back(d.table.count(i, g) / total[i]);
            else row.emplace_back(std::monostate{});
        row.insert(row.end(), local.rows[i].begin() + 2, local.rows[i].end());
        out.add_row(std::move(row));
    }
    return out;
}

// permutations, alpha and seed of the hot-spot endpoints (alpha: default where not accepted).
HotSpotOptions hot_spot_options(const Params& p, const ApiOptions& limits) {
    HotSpotOptions o;
    o.permutations = static_cast<int>(p.integer("permutations", 999, 19, limits.max_permutations));
    o.alpha = p.real("alpha", 0.05, 0.0001, 0.5);
    o.seed = static_cast<std::uint64_t>(p.integer("seed", 20170601, 0, LONG_MAX));
    return o;
}

// json: every table; csv: the per-area table; geojson: the per-area table on the polygons.
std::string respond_layer(const std::optional<ServedGeography>& geography, const Params& p, const ResultTable& per_area,
                          const std::vector<ResultTable>& tables, std::string& type) {
    const std::string format = p.text("format", "json");
    if (format == "geojson") {
        if (!geography) throw HttpError{400, "format=geojson needs boundaries, and these results have none"};
        type = "application/geo+json";
        return features_geojson(per_area, geography->geojson);
    }
    if (format == "csv") {
        type = "text/csv";
        return render_csv(per_area);
    }
    if (format != "json") throw HttpError{400, "parameter 'format' must be json, csv or geojson"};
    type = "application/json";
    return render_json(tables);
}

}  // namespace

void install_api(httplib::Server& server, const DatasetCatalog& catalog, const ApiOptions& options) {
    auto cache = std::make_shared<Cache>(options.cache_entries);
    const std::string token = options.token;

    server.set_pre_routing_handler([token](const httplib::Request& req, httplib::Response& res) {
        if (token.empty() || req.path.rfind("/api/", 0) != 0 || req.path == "/api/health")
            return httplib::Server::HandlerResponse::Unhandled;
        if (req.get_header_value("Authorization") != "Bearer " + token) {
            send_json_error(res, 401, "missing or wrong bearer token (Authorization: Bearer ...)");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    // Wraps a handler: parameter checks, cache, and errors as JSON.
    using Body = std::function<std::string(const httplib::Request&, std::string& type)>;
    auto route = [&server, cache](const std::string& path, Body body) {
        server.Get(path, [cache, body, path](const httplib::Request& req, httplib::Response& res) {
            std::string key = path + "?";
            for (const auto& [k, v] : req.params) key += k + "=" + v + "&";  // multimap: ordered by key
            std::string content, type;
            try {
                if (!cache->get(key, content, type)) {
                    type = "application/json";
                    content = body(req, type);
                    cache->put(key, content, type);
                }
                res.set_content(content, type);
            } catch (const HttpError& e) {
                send_json_error(res, e.status, e.message);
            } catch (const Error& e) {
                send_json_error(res, 400, e.what());  // analyses reject impossible requests with Error
            } catch (const std::exception& e) {
                send_json_error(res, 500, std::string("internal error: ") + e.what());
            }
        });
    };

    route("/api/health", [](const httplib::Request& req, std::string&) {
        Params(req, {});
        return nlohmann::json{{"status", "ok"}, {"version", COHESION_VERSION}}.dump();
    });
    route("/api/openapi.json", [](const httplib::Request& req, std::string&) {
        Params(req, {});
        return openapi_document();
    });
    route("/api/datasets", [&catalog](const httplib::Request& req, std::string&) {
        Params(req, {});
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
        return list.dump();
    });
    route("/api/indices", [&catalog, options](const httplib::Request& req, std::string&) {
        const Params p(req, {"dataset", "index", "group", "versus", "level", "bootstrap", "confidence", "seed"});
        const ServedDataset& d = dataset_of(catalog, p);
        IndexTableRequest r;
        r.suite.indices = p.list("index");
        r.suite.focal = p.list("group");
        r.suite.versus = p.text("versus");
        r.suite.include_stochastic = false;  // simulation-based indices take seconds; not for an interactive API
        r.suite.params.seed = static_cast<std::uint64_t>(p.integer("seed", 20170601, 0, LONG_MAX));
        r.bootstrap = static_cast<int>(p.integer("bootstrap", 0, 0, options.max_bootstrap));
        r.confidence = p.real("confidence", 0.95, 0.5, 0.999);
        return render_json(index_table(table_at_level(d, p), r));
    });
    route("/api/local", [&catalog](const httplib::Request& req, std::string&) {
        const Params p(req, {"dataset", "index", "level"});
        const ServedDataset& d = dataset_of(catalog, p);
        return render_json(local_table(table_at_level(d, p), p.list("index")));
    });
    route("/api/areas", [&catalog](const httplib::Request& req, std::string& type) {
        const Params p(req, {"dataset", "format"});
        const ServedDataset& d = dataset_of(catalog, p);
        const ResultTable t = area_table(d);
        return respond_layer(d.geography, p, t, {t}, type);
    });
    route("/api/hotspots", [&catalog, options](const httplib::Request& req, std::string& type) {
        const Params p(req, {"dataset", "group", "permutations", "alpha", "seed", "format"});
        const ServedDataset& d = spatial_dataset(catalog, p);
        const auto v = group_share(d.table, required_group(p));
        const HotSpotOptions o = hot_spot_options(p, options);
        const HotSpots h = find_hot_spots(v.share, d.geography->weights, o);
        ResultTable t;
        t.title = "Hot spots of " + p.text("group");
        t.notes.push_back(fmt::format("{} permutations, seed {}, FDR-adjusted labels at alpha {:g}", o.permutations,
                                      o.seed, o.alpha));
        t.columns = {"area", "share", "lisa_cluster", "lisa_q", "hot_spot", "getis_ord_q"};
        for (std::size_t i = 0; i < d.table.areas(); ++i)
            t.add_row({d.table.area_codes()[i], v.share[i], h.cluster[i], h.lisa_q[i], h.hot_spot[i], h.getis_ord_q[i]});
        return respond_layer(d.geography, p, t, {t}, type);
    });
    route("/api/enclaves", [&catalog, options](const httplib::Request& req, std::string& type) {
        const Params p(req, {"dataset", "group", "permutations", "seed", "format"});
        const ServedDataset& d = spatial_dataset(catalog, p);
        const std::string group = required_group(p);
        const GroupEnclaves found = group_enclaves(d.table, group, d.geography->weights, d.geography->area_km2,
                                                     hot_spot_options(p, options));
        const ResultTable list = enclave_list_table(group, found.enclaves);
        const ResultTable members = enclave_member_table(d.table, found);
        return respond_layer(d.geography, p, members, {list, members}, type);
    });
    route("/api/change", [&catalog](const httplib::Request& req, std::string& type) {
        const Params p(req, {"dataset", "top", "threshold", "format"});
        const ServedDataset& d = dataset_of(catalog, p);
        if (!d.change)
            throw HttpError{400, "dataset '" + d.name + "' was served without change over time (a project with a "
                                 "[change] section)"};
        const ServedChange& c = *d.change;
        ChangeTableOptions o;
        o.pace.years = c.years;
        o.pace.top_share = p.real("top", 0.10, 0.001, 1.0);
        o.pace.threshold = p.real("threshold", -1.0, -1.0, 1.0);
        o.label_a = c.label_earlier;
        o.label_b = c.label_later;
        const auto results = change_tables(c.earlier, c.later, o);
        return respond_layer(c.geography, p, results.back(), results, type);
    });
    route("/api/target/esol", [&catalog](const httplib::Request& req, std::string& type) {
        const Params p(req, {"dataset", "neighbourhood", "weights", "top", "confidence", "format"});
        const ServedCensus& c = census_of(dataset_of(catalog, p));
        EsolTargetingOptions o;
        o.neighbourhood = p.text("neighbourhood", o.neighbourhood);
        if (!p.text("weights").empty()) o.weights = parse_score_weights(p.list("weights"));
        o.top = static_cast<std::size_t>(p.integer("top", 10, 1, 100000));
        o.confidence = p.real("confidence", 0.95, 0.5, 0.999);
        const auto results = esol_targeting(*c.topics, o);
        return respond_layer(c.geography, p, results.back(), results, type);
    });
    route("/api/target/licensing", [&catalog](const httplib::Request& req, std::string& type) {
        const Params p(req, {"dataset", "min_private_rented", "min_accession", "format"});
        const ServedCensus& c = census_of(dataset_of(catalog, p));
        LicensingScreenOptions o;
        o.min_private_rented = p.real("min_private_rented", o.min_private_rented, 0.0, 1.0);
        o.min_accession = p.real("min_accession", o.min_accession, 0.0, 1.0);
        const auto results = c.geography ? licensing_screen(*c.topics, c.tenure, o, &c.geography->weights,
                                                            c.geography->area_km2)
                                         : licensing_screen(*c.topics, c.tenure, o);
        return respond_layer(c.geography, p, results.back(), results, type);
    });
    route("/api/target/hubs", [&catalog, options](const httplib::Request& req, std::string& type) {
        const Params p(req, {"dataset", "demand", "model", "hubs", "distance", "format"});
        const ServedCensus& c = census_of(dataset_of(catalog, p));
        if (!c.geography) throw HttpError{400, "hub siting needs the census tables' boundaries (--census NAME=FOLDER@BOUNDARIES)"};
        HubSitingOptions o;
        o.demand = p.text("demand", o.demand);
        o.model = p.text("model", o.model);
        o.p = static_cast<std::size_t>(p.integer("hubs", 3, 1, 50));
        o.distance = p.real("distance", 800.0, 50.0, 50000.0);
        // A request must not hold a worker for a minute: exact where CBC is quick, else the heuristic.
        o.time_limit = options.solver_seconds;
        const auto results = hub_siting(*c.topics, c.geography->layer, o);
        return respond_layer(c.geography, p, results.back(), results, type);
    });

    if (!options.web_folder.empty() && !server.set_mount_point("/", options.web_folder))
        throw Error(Location{options.web_folder, 0, "--web"}, "not a folder of dashboard files");
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (res.status == 404 && res.body.empty()) send_json_error(res, 404, "no such path: " + req.path);
        else if (res.body.empty()) send_json_error(res, res.status, "request failed");
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send_json_error(res, 500, "internal error");
    });
}

}  // namespace cohesion
