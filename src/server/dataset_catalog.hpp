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
#include "io/table_input.hpp"
#include "weights/weights.hpp"

namespace cohesion {

struct ServedDataset {
    std::string name;
    TableInput input;          // how the table was read (for the listing)
    Table table;               // areas with polygons only, when boundaries are given
    std::string boundaries;
    std::optional<AreaLayer> layer;
    std::vector<std::size_t> feature;  // layer feature of each table area
    std::optional<Weights> weights;    // queen contiguity
    std::vector<double> area_km2;      // land area of each table area
    GeoJsonGeometries geojson;
};

class DatasetCatalog {
public:
    // "NAME=TABLE" or "NAME=TABLE@BOUNDARIES".
    void add(const std::string& spec);
    void add(std::string name, TableInput input, const std::string& boundaries);
    const ServedDataset* find(const std::string& name) const;
    const std::map<std::string, std::unique_ptr<ServedDataset>>& all() const { return datasets_; }
    bool empty() const { return datasets_.empty(); }

private:
    std::map<std::string, std::unique_ptr<ServedDataset>> datasets_;
};

}  // namespace cohesion
