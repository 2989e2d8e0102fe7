// The OpenAPI 3.0 description served at /api/openapi.json. Kept beside the handlers
// (server/api.cpp); tests check that every route here answers.
#include <nlohmann/json.hpp>

#include "server/api.hpp"

namespace cohesion {

namespace {

nlohmann::json parameter(const std::string& name, const std::string& description, bool required = false,
                         const std::string& type = "string") {
    return {{"name", name}, {"in", "query"}, {"required", required}, {"description", description},
            {"schema", {{"type", type}}}};
}

nlohmann::json operation(const std::string& summary, nlohmann::json parameters, const std::string& content = "application/json") {
    return {{"get",
             {{"summary", summary},
              {"parameters", std::move(parameters)},
              {"responses",
               {{"200", {{"description", "result"}, {"content", {{content, nlohmann::json::object()}}}}},
                {"400", {{"description", "invalid parameter: {\"error\": \"...\"}"}}},
                {"401", {{"description", "missing or wrong bearer token (when the server has --token)"}}},
                {"404", {{"description", "unknown dataset"}}}}}}}};
}

}  // namespace

std::string openapi_document() {
    const auto dataset = parameter("dataset", "dataset name from /api/datasets", true);
    const auto format = parameter("format", "json (default), csv or geojson");
    const auto group = parameter("group", "group name", true);
    nlohmann::json doc = {
        {"openapi", "3.0.3"},
        {"info",
         {{"title", "cohesion API"},
          {"version", COHESION_VERSION},
          {"description", "Segregation and exposure indices, local statistics, hot spots, enclaves and targeting "
                          "screens of the datasets this server was started with. Errors are JSON {\"error\": \"...\"}."}}},
        {"components", {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
        {"paths",
         {{"/api/health", operation("Server status and version", nlohmann::json::array())},
          {"/api/datasets", operation("Datasets: areas, groups, levels, whether boundaries are loaded",
                                      nlohmann::json::array())},
          {"/api/indices",
           operation("Any registry index on any groups at any level, with optional bootstrap intervals",
                     {dataset, parameter("index", "comma-separated index names (default: all non-simulated)"),
                      parameter("group", "comma-separated focal groups (default: every group)"),
                      parameter("versus", "compare with this group instead of the rest"),
                      parameter("level", "aggregate to this hierarchy level first"),
                      parameter("bootstrap", "bootstrap replicates, 0-1000", false, "integer"),
                      parameter("confidence", "interval level, 0.5-0.999", false, "number"),
                      parameter("seed", "random seed", false, "integer")})},
          {"/api/local", operation("Per-area local statistics",
                                   {dataset, parameter("index", "comma-separated local index names"),
                                    parameter("level", "aggregate to this hierarchy level first")})},
          {"/api/areas", operation("Per-area population, group shares and local statistics (GeoJSON with format=geojson); "
                                   "with level, each area carries the values of its unit at that level",
                                   {dataset, format, parameter("level", "a hierarchy level of the dataset, e.g. LSOA")})},
          {"/api/hotspots", operation("LISA clusters and Getis-Ord G* hot spots of a group's share",
                                      {dataset, group, parameter("permutations", "19-9999", false, "integer"),
                                       parameter("alpha", "significance level", false, "number"),
                                       parameter("seed", "random seed", false, "integer"), format})},
          {"/api/enclaves", operation("Enclaves of a group and their member areas, named after the places they cover",
                                      {dataset, group, parameter("permutations", "19-9999", false, "integer"),
                                       parameter("seed", "random seed", false, "integer"),
                                       parameter("min_lq", "least location quotient of a member area (default 1.5)",
                                                 false, "number"),
                                       format})},
          {"/api/multilevel",
           operation("Multilevel index of dissimilarity (MLID, Harris 2017): each level's share of the variance, the "
                     "areas' effects and impacts, and M/H across every level at once (as `cohesion multilevel`)",
                     {dataset, parameter("levels", "comma-separated hierarchy, base first, e.g. OA,LSOA,MSOA", true),
                      parameter("group", "focal group (default: every group against everyone else)"),
                      parameter("versus", "comparison group (default: everyone else in the area)"),
                      parameter("omit", "comma-separated areas (any level) left out before the fit"),
                      parameter("places", "comma-separated higher-level areas whose effect on D is shown"),
                      parameter("map_level", "level of the last (per-area) table (default: the level above the base)"),
                      parameter("top", "areas listed for the other levels, 1-1000 (default 10)", false, "integer"),
                      parameter("bootstrap", "parametric bootstrap refits for the variance shares, 0-1000", false,
                                "integer"),
                      parameter("expected_draws", "draws for D expected under random allocation, 0-1000 (default 100)",
                                false, "integer"),
                      parameter("seed", "random seed (default 2017)", false, "integer")})},
          {"/api/ranking", operation("Groups ranked by how far they live apart (bias-corrected D, the report's rule); "
                                     "`top` is the report's key-figure group",
                                     {dataset, parameter("bootstrap", "replicates (default 100)", false, "integer"),
                                      parameter("randomisation", "random allocations (default 100)", false, "integer"),
                                      parameter("seed", "random seed", false, "integer")})},
          {"/api/findings",
           operation("The findings in sentences with numbers, as on the report's first page: who lives most apart, "
                     "where the enclaves are, whether segregation rose or fell and why, English need (needs a served "
                     "project; computed on the first request, then kept). Columns: topic (ranking, all_groups, "
                     "enclaves, change, english), group, heading, text, section (the report section behind it)",
                     {dataset})},
          {"/api/change",
           operation("Change between two censuses on the later geography: the town's make-up, the Shapley "
                     "decomposition of the change in M, pace of change per area (needs a project with [change])",
                     {dataset, parameter("top", "share of areas flagged fast-changing, 0.001-1 (default 0.1)", false, "number"),
                      parameter("threshold", "flag areas whose pace is at least this instead", false, "number"), format})},
          {"/api/target/esol",
           operation("ESOL need (smoothed, with credible intervals) and isolation-risk ranking of the census areas "
                     "(needs census tables)",
                     {dataset, parameter("neighbourhood", "lookup level of the isolation component (default msoa21cd)"),
                      parameter("weights", "score weights, e.g. need=0.4,isolation=0.2,accession=0.2,private_rented=0.2"),
                      parameter("top", "areas flagged as priority, 1-100000", false, "integer"),
                      parameter("confidence", "credible-interval level, 0.5-0.999", false, "number"), format})},
          {"/api/target/licensing",
           operation("Selective licensing screen: candidate areas, contiguous zones and the 20 % tests (needs census "
                     "tables)",
                     {dataset, parameter("min_private_rented", "private rented share an area needs, 0-1", false, "number"),
                      parameter("min_accession", "EU8/EU2-born share an area needs, 0-1", false, "number"), format})},
          {"/api/target/hubs",
           operation("Integration-hub siting (needs census tables with boundaries); solver time-limited per request",
                     {dataset, parameter("demand", "need (default), accession or residents"),
                      parameter("model", "maximal-covering (default), p-median or set-covering"),
                      parameter("hubs", "number of hubs, 1-50", false, "integer"),
                      parameter("distance", "service distance in metres, 50-50000", false, "number"), format})},
          {"/api/atlas",
           operation("The national atlas by local authority: one measure and group with its interval, national rank "
                     "(with interval) and peer towns; LAD polygons with format=geojson (needs serve --atlas)",
                     {parameter("measure", "dissimilarity (default), isolation, mutual_information or information_theory"),
                      parameter("group", "group name (default: the measure's first; 'all groups' for M and H)"),
                      format})},
          {"/api/town",
           operation("Builds (or finds) a local authority's dataset from the national tables and names it "
                     "('town:NAME') for the other endpoints; unknown names are 404 with the nearest ones (needs "
                     "serve --national)",
                     {parameter("name", "local authority name or code, any case", true)})},
          {"/api/scenarios", operation("The served projects' [[scenario]] blocks (what-if levers) with their "
                                       "assumptions; run one with POST /api/scenario-runs",
                                       nlohmann::json::array())},
          {"/api/openapi.json", operation("This document", nlohmann::json::array())}}}};
    auto& paths = doc["paths"];
    const nlohmann::json busy = {{"description", "queue full or server stopping: {\"error\"}, with Retry-After"}};
    paths["/api/scenario-runs"]["post"] = {
        {"summary", "Start a scenario run (the scenario and the baseline, same seeds) as a job on the server's bounded "
                    "queue; the answer's status_url says how it goes. The result is `cohesion simulate --scenarios "
                    "PROJECT --scenario NAME --format json`."},
        {"parameters",
         {dataset, parameter("scenario", "scenario name from /api/scenarios", true),
          parameter("replicates", "seeded runs per scenario, 1-200 (default: the project's [simulation] replicates)",
                    false, "integer"),
          parameter("years", "years from 2021, 1-50 (default 10)", false, "integer"),
          parameter("seed", "random seed", false, "integer"),
          parameter("deadline", "seconds the run may take, 1-3600 (default 300; the server's --timeout also applies)",
                    false, "integer")}},
        {"responses",
         {{"202", {{"description", "queued: {id, status_url, state, progress}; Location: the status URL"}}},
          {"400", {{"description", "invalid parameter"}}},
          {"404", {{"description", "unknown dataset or scenario"}}},
          {"429", {{"description", "too many runs queued or running (Retry-After)"}}},
          {"503", busy}}}};
    const nlohmann::json id = {{"name", "id"}, {"in", "path"}, {"required", true},
                               {"description", "32 hex digits from POST /api/scenario-runs"},
                               {"schema", {{"type", "string"}, {"pattern", "^[0-9a-f]{32}$"}}}};
    paths["/api/scenario-runs/{id}"] = {
        {"get",
         {{"summary", "A scenario run's state (queued, running, done, failed, cancelled), progress in replicate runs, "
                      "and when done its result tables"},
          {"parameters", {id}},
          {"responses", {{"200", {{"description", "the run"}}}, {"404", {{"description", "no such run"}}}}}}},
        {"delete",
         {{"summary", "Cancel a scenario run (a queued run leaves the queue; a running one stops at its next check)"},
          {"parameters", {id}},
          {"responses",
           {{"200", {{"description", "cancelled"}}},
            {"404", {{"description", "no such run"}}},
            {"409", {{"description", "already finished or failed"}}}}}}}};
    return doc.dump(2);
}

}  // namespace cohesion
