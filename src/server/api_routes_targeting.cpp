// Routes over a dataset's Census 2021 tables: ESOL need, the licensing screen (light)
// and hub siting (heavy: a solver with a time limit per request).
#include <fmt/format.h>

#include "analysis/esol_targeting.hpp"
#include "analysis/hub_siting.hpp"
#include "analysis/licensing_screen.hpp"
#include "core/error.hpp"
#include "server/api_routes.hpp"

namespace cohesion {

namespace {

const ServedCensus& census_of(const ServedDataset& d) {
    if (!d.census)
        throw HttpError{400, "dataset '" + d.name + "' was served without census tables (serve --census or a project "
                             "with a [targeting] section)"};
    return *d.census;
}

}  // namespace

void add_targeting_routes(RouteTable& routes, const DatasetCatalog& catalog, const ApiOptions& options) {
    routes["/api/target/esol"] = {
        {"dataset", "neighbourhood", "weights", "top", "confidence", "format"}, [&catalog](const ApiParameters& p) {
            const ServedCensus& c = census_of(dataset_of(catalog, p));
            EsolTargetingOptions o;
            o.neighbourhood = p.text("neighbourhood", o.neighbourhood);
            if (p.has("weights")) o.weights = parse_score_weights(p.list("weights"));  // field score_weights
            o.top = static_cast<std::size_t>(p.integer("top", 10, 1, 100000));
            o.confidence = p.real("confidence", 0.95, 0.5, 0.999);
            check_layer_format(p);
            const std::string format = p.text("format", "json");
            return PreparedWork{false, [&c, o, format](std::string& type, const std::stop_token&) {
                                    const auto results = esol_targeting(*c.topics, o);
                                    return respond_layer(c.geography, format, results.back(), results, type);
                                }};
        }};
    routes["/api/target/licensing"] = {
        {"dataset", "min_private_rented", "min_accession", "format"}, [&catalog](const ApiParameters& p) {
            const ServedCensus& c = census_of(dataset_of(catalog, p));
            LicensingScreenOptions o;
            o.min_private_rented = p.real("min_private_rented", o.min_private_rented, 0.0, 1.0);
            o.min_accession = p.real("min_accession", o.min_accession, 0.0, 1.0);
            check_layer_format(p);
            const std::string format = p.text("format", "json");
            return PreparedWork{false, [&c, o, format](std::string& type, const std::stop_token&) {
                                    const auto results = c.geography
                                                             ? licensing_screen(*c.topics, c.tenure, o, &c.geography->weights,
                                                                                c.geography->area_km2)
                                                             : licensing_screen(*c.topics, c.tenure, o);
                                    return respond_layer(c.geography, format, results.back(), results, type);
                                }};
        }};
    routes["/api/target/hubs"] = {
        {"dataset", "demand", "model", "hubs", "distance", "format"}, [&catalog, options](const ApiParameters& p) {
            const ServedCensus& c = census_of(dataset_of(catalog, p));
            if (!c.geography)
                throw HttpError{400, "hub siting needs the census tables' boundaries (--census NAME=FOLDER@BOUNDARIES)"};
            HubSitingOptions o;
            o.demand = p.text("demand", o.demand);
            o.model = p.text("model", o.model);
            o.p = static_cast<std::size_t>(p.integer("hubs", 3, 1, 50));
            o.distance = p.real("distance", 800.0, 50.0, 50000.0);
            // A request must not hold a worker for a minute: exact where CBC is quick, else the heuristic.
            o.time_limit = options.solver_seconds;
            check_layer_format(p);
            const std::string format = p.text("format", "json");
            return PreparedWork{true, [&c, o, format](std::string& type, const std::stop_token&) {
                                    const auto results = hub_siting(*c.topics, c.geography->layer, o);
                                    return respond_layer(c.geography, format, results.back(), results, type);
                                }};
        }};
}

}  // namespace cohesion
