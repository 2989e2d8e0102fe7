#include "server/dataset_catalog.hpp"

#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "geo/table_join.hpp"
#include "weights/contiguity.hpp"

namespace cohesion {

void DatasetCatalog::add(const std::string& spec) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
        throw Error(Location{"", 0, "--dataset"}, "expected NAME=TABLE or NAME=TABLE@BOUNDARIES, got '" + spec + "'");
    const std::string name = spec.substr(0, eq), rest = spec.substr(eq + 1);
    const auto at = rest.find('@');
    TableInput input;
    input.path = rest.substr(0, at);
    add(name, input, at == std::string::npos ? "" : rest.substr(at + 1));
}

void DatasetCatalog::add(std::string name, TableInput input, const std::string& boundaries) {
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
            throw Error(Location{"", 0, "--dataset"}, "dataset names use letters, digits, _ and - only: '" + name + "'");
    if (datasets_.count(name)) throw Error(Location{"", 0, "--dataset"}, "dataset '" + name + "' is given twice");
    auto d = std::make_unique<ServedDataset>();
    d->name = name;
    d->input = input;
    d->table = load_table(input);
    d->boundaries = boundaries;
    if (!boundaries.empty()) {
        d->layer = load_area_layer(boundaries);
        const TableLayerJoin join = join_table_to_layer(d->table, *d->layer);
        if (join.table_only > 0) d->table = select_areas(d->table, join.table_rows);
        d->feature = join.layer_index;
        d->weights = subset(contiguity_weights(*d->layer, {Contiguity::queen, 0.0}), d->feature);
        d->geojson = geojson_geometries(*d->layer);
        for (std::size_t k : d->feature) d->area_km2.push_back(d->layer->area_km2[k]);
    }
    datasets_.emplace(std::move(name), std::move(d));
}

const ServedDataset* DatasetCatalog::find(const std::string& name) const {
    const auto it = datasets_.find(name);
    return it == datasets_.end() ? nullptr : it->second.get();
}

}  // namespace cohesion
