#pragma once
// The datasets a `cohesion serve` instance answers for, loaded once at start-up and
// read-only afterwards (so requests on many threads share them without locks). Clients
// name a dataset; they never name a file, so the API cannot reach anything on disk
// beyond what the operator configured.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "geo/area_layer.hpp"
#include "geo/geojson_features.hpp"
#include "io/census_topics.hpp"
#include "io/table_input.hpp"
#include "server/served_findings.hpp"
#include "simulation/scenario.hpp"
#include "simulation/town.hpp"
#include "weights/weights.hpp"

namespace cohesion {

// Polygons joined to a table: table area i is layer feature `feature[i]`; weights
// (queen contiguity) and land areas follow the table's rows.
struct ServedGeography {
    std::string boundaries;
    AreaLayer layer;
    std::vector<std::size_t> feature;
    Weights weights;
    std::vector<double> area_km2;
    std::vector<std::string> notes;  // the join's notes (CRS, unmatched areas, repairs, islands)
    GeoJsonGeometries geojson;
    std::map<std::string, std::string> place_of;  // area code -> place name (set_places; empty: none)
    std::vector<std::string> places;              // place name per table area, for enclave names
};

// Census 2021 OA topic tables for the targeting endpoints, all read at start-up and kept
// in memory. `tenure` (TS054) fixes the areas and their order; the polygons, when given,
// are joined to it.
struct ServedCensus {
    std::shared_ptr<const CensusTopics> topics;
    Table tenure;
    std::optional<ServedGeography> geography;
};

// Two censuses on one geography for the change endpoint: the earlier table already
// harmonised onto the later areas; polygons (optional) joined to the later table.
struct ServedChange {
    Table earlier, later;
    std::string label_earlier, label_later;  // where each came from, for the notes
    double years = 10.0;
    int earlier_year = 0, later_year = 0;  // the censuses' years, for headings (0 = not given)
    std::optional<ServedGeography> geography;
};

// A project's [[scenario]] blocks and the town the model runs them on (read at start-up):
// the scenario-run jobs (server/scenario_jobs.hpp) compute from these.
struct ServedScenarios {
    Town town;
    ModelParameters parameters;
    std::vector<ScenarioSpec> scenarios;
    std::vector<std::string> notes;     // which parameters (as `cohesion simulate` says)
    std::size_t replicates = 8;         // the project's [simulation] replicates: the default per run
    int years = 10;
    std::uint64_t seed = 20210321;
};

struct ServedDataset {
    std::string name;
    TableInput input;  // how the table was read (for the listing)
    Table table;       // areas with polygons only, when boundaries are given
    std::optional<ServedGeography> geography;
    std::optional<ServedCensus> census;
    std::optional<ServedChange> change;
    // A served project's whole study, for /api/findings (computed on first request); null
    // for datasets given with --dataset.
    std::shared_ptr<ServedFindings> findings;
    std::optional<ServedScenarios> scenarios;
};

// Keeps the table's areas that have a polygon in `layer` (in table order) and joins them;
// `boundaries` names the layer in the notes.
ServedGeography join_geography(Table& table, AreaLayer layer, const std::string& boundaries);

class TownDatasets;
struct ServedAtlas;

class DatasetCatalog {
public:
    // "NAME=TABLE" or "NAME=TABLE@BOUNDARIES".
    void add(const std::string& spec);
    void add(std::string name, TableInput input, const std::string& boundaries);
    // Names the areas of dataset `name` after the places (e.g. wards) of the layer at `path`:
    // its table's, and those of its census and change when added before.
    void set_places(const std::string& name, const std::string& path);
    // Census tables for an added dataset: "NAME=FOLDER" or "NAME=FOLDER@BOUNDARIES"
    // (where/aggregate apply to the folder's output areas, as in `cohesion target`).
    void add_census(const std::string& spec, const std::vector<std::string>& where, const std::string& aggregate);
    void add_census(const std::string& name, CensusSource source, const std::string& boundaries);
    // Change over time for an added dataset (`boundaries`: the later geography's polygons).
    void add_change(const std::string& name, ServedChange change, const std::string& boundaries);
    // The whole study of a served project, for its findings (nothing is read until asked).
    void set_study(const std::string& name, StudySpec study);
    void add_scenarios(const std::string& name, ServedScenarios scenarios);
    const ServedDataset* find(const std::string& name) const;
    const std::map<std::string, std::unique_ptr<ServedDataset>>& all() const { return datasets_; }
    bool empty() const { return datasets_.empty() && !atlas_ && !towns_; }

    // The national atlas of /api/atlas (serve --atlas) and the towns built on demand from the
    // national tables (serve --national); either may be absent.
    void set_atlas(std::shared_ptr<const ServedAtlas> atlas) { atlas_ = std::move(atlas); }
    void set_towns(std::shared_ptr<TownDatasets> towns) { towns_ = std::move(towns); }
    const ServedAtlas* atlas() const { return atlas_.get(); }
    TownDatasets* towns() const { return towns_.get(); }

private:
    std::map<std::string, std::unique_ptr<ServedDataset>> datasets_;
    std::shared_ptr<const ServedAtlas> atlas_;
    std::shared_ptr<TownDatasets> towns_;
};

}  // namespace cohesion
