#include "server/town_datasets.hpp"

#include <algorithm>
#include <filesystem>

#include "core/table_operations.hpp"
#include "geo/area_layer_codes.hpp"
#include "io/table_input.hpp"

namespace cohesion {

TownDatasets::TownDatasets(const std::string& data, std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {
    namespace fs = std::filesystem;
    table_path_ = (fs::path(data) / "ew2011_oa_ethnicity.csv.gz").string();
    boundaries_ = (fs::path(data) / "ew_boundaries" / "lsoa2011.gpkg").string();
    TableInput input;
    input.path = table_path_;
    national_ = load_table(input);
    directory_ = make_town_directory(national_, (fs::path(data) / "lookups" / "lookup_lsoa11_lsoa21_ltla22.csv.gz").string());
}

TownSelection TownDatasets::resolve(std::string_view name) const { return resolve_town(directory_, name); }

std::shared_ptr<const ServedDataset> TownDatasets::find(const std::string& dataset) const {
    std::lock_guard lock(mutex_);
    for (const auto& d : cache_)
        if (d->name == dataset) return d;
    return nullptr;
}

std::shared_ptr<const ServedDataset> TownDatasets::open(const TownSelection& town) {
    const std::string name = dataset_name(town);
    {
        std::lock_guard lock(mutex_);
        const auto it = std::find_if(cache_.begin(), cache_.end(), [&](const auto& d) { return d->name == name; });
        if (it != cache_.end()) {
            cache_.splice(cache_.begin(), cache_, it);
            return cache_.front();
        }
    }
    // As `run --town` reads it (project/national_town): the town's OAs summed to LSOAs.
    auto d = std::make_shared<ServedDataset>();
    d->name = name;
    d->input.path = table_path_;
    d->input.where = {town.where};
    d->input.aggregate_to = "LSOA";
    d->table = aggregate(filter_areas(national_, town.where), "LSOA");
    d->table.note("the local authority " + town.name + " of " + std::filesystem::path(table_path_).filename().string() +
                  ", output areas summed to LSOAs");
    d->geography = join_geography(d->table, load_area_layer_codes(boundaries_, d->table.area_codes()), boundaries_);

    std::lock_guard lock(mutex_);
    const auto it = std::find_if(cache_.begin(), cache_.end(), [&](const auto& x) { return x->name == name; });
    if (it != cache_.end()) return *it;  // built twice at once: keep the first
    cache_.push_front(std::move(d));
    while (cache_.size() > capacity_) cache_.pop_back();
    return cache_.front();
}

}  // namespace cohesion
