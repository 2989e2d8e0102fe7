// Routes that need the dataset's polygons or its second census: hot spots and enclaves
// (permutation tests: heavy) and change between the censuses (heavy).
#include <fmt/format.h>

#include "analysis/change_tables.hpp"
#include "analysis/enclave_tables.hpp"
#include "analysis/group_enclaves.hpp"
#include "analysis/hot_spot_tables.hpp"
#include "analysis/group_share.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "server/api_routes.hpp"

namespace cohesion {

namespace {

const ServedDataset& spatial_dataset(const DatasetCatalog& catalog, const ApiParameters& p) {
    const ServedDataset& d = dataset_of(catalog, p);
    if (!d.geography) throw HttpError{400, "dataset '" + d.name + "' was served without boundaries"};
    return d;
}

std::string checked_group(const ServedDataset& d, const ApiParameters& p) {
    const std::string group = required_group(p);
    if (!d.table.find_group(group))
        throw HttpError{400, fmt::format("parameter 'group': dataset '{}' has no group '{}'", d.name, group), "group"};
    return group;
}

// permutations, alpha and seed of the hot-spot endpoints (alpha: default where not accepted).
HotSpotOptions hot_spot_options(const ApiParameters& p, const ApiOptions& limits) {
    HotSpotOptions o;
    o.permutations = static_cast<int>(p.integer("permutations", 999, 19, limits.max_permutations));
    o.alpha = p.real("alpha", 0.05, 0.0001, 0.5);
    o.seed = p.seed("seed", 20170601);
    return o;
}

// What both permutation endpoints check before queueing: the dataset with polygons, its
// group, the permutation options and the answer's format.
struct HotSpotRequest {
    const ServedDataset* dataset;
    std::string group;
    HotSpotOptions options;
    std::string format;
};

HotSpotRequest hot_spot_request(const DatasetCatalog& catalog, const ApiParameters& p, const ApiOptions& limits) {
    const ServedDataset& d = spatial_dataset(catalog, p);
    HotSpotRequest r{&d, checked_group(d, p), hot_spot_options(p, limits), p.text("format", "json")};
    check_layer_format(p);
    return r;
}

}  // namespace

void add_spatial_routes(RouteTable& routes, const DatasetCatalog& catalog, const ApiOptions& options) {
    routes["/api/hotspots"] = {
        {"dataset", "group", "permutations", "alpha", "seed", "format"}, [&catalog, options](const ApiParameters& p) {
            return PreparedWork{true, [r = hot_spot_request(catalog, p, options)](std::string& type,
                                                                                 const std::stop_token& stop) {
                const ServedDataset& d = *r.dataset;
                HotSpotOptions o = r.options;
                o.stop = stop;
                // The CLI's `hotspots` tables (global Moran, then one row per area).
                const auto results = hot_spot_tables(d.table, d.geography->weights, d.geography->notes, r.group,
                                                     "share", o);
                return respond_layer(d.geography, r.format, results.back(), results, type);
            }};
        }};
    routes["/api/enclaves"] = {
        {"dataset", "group", "permutations", "seed", "format", "min_lq"}, [&catalog, options](const ApiParameters& p) {
            const double min_lq = p.real("min_lq", 1.5, 0.0, 1000.0);
            return PreparedWork{true, [r = hot_spot_request(catalog, p, options), min_lq](std::string& type,
                                                                                         const std::stop_token& stop) {
                const ServedDataset& d = *r.dataset;
                HotSpotOptions o = r.options;
                o.stop = stop;
                EnclaveOptions e;
                e.min_lq = min_lq;
                e.places = d.geography->places;  // named after the project's places (wards), if any
                // The CLI's `enclaves` tables (the list, then one row per member area).
                const auto results = enclave_tables(d.table, d.geography->weights, d.geography->area_km2,
                                                    d.geography->notes, r.group, o, e);
                return respond_layer(d.geography, r.format, results.back(), results, type);
            }};
        }};
    routes["/api/change"] = {{"dataset", "top", "threshold", "format"}, [&catalog](const ApiParameters& p) {
        const ServedDataset& d = dataset_of(catalog, p);
        if (!d.change)
            throw HttpError{400, "dataset '" + d.name +
                                     "' was served without change over time (a project with a [change] section)"};
        const ServedChange& c = *d.change;
        ChangeTableOptions o;
        o.pace.years = c.years;
        o.pace.top_share = p.real("top", 0.10, 0.001, 1.0);
        o.pace.threshold = p.real("threshold", -1.0, -1.0, 1.0);
        o.label_a = c.label_earlier;
        o.label_b = c.label_later;
        check_layer_format(p);
        if (p.text("format") == "geojson" && !c.geography)
            throw HttpError{400, "format=geojson needs boundaries, and the change of dataset '" + d.name +
                                     "' was served without them"};
        const std::string format = p.text("format", "json");
        return PreparedWork{true, [&c, o, format](std::string& type, const std::stop_token&) {
                                const auto results = change_tables(c.earlier, c.later, o);
                                return respond_layer(c.geography, format, results.back(), results, type);
                            }};
    }};
}

}  // namespace cohesion
