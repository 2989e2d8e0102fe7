#include "server/town_datasets.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "core/table_operations.hpp"
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

const AreaLayer& TownDatasets::lsoa_polygons() {
    std::lock_guard lock(polygons_mutex_);
    if (!polygons_) polygons_ = std::make_unique<AreaLayer>(load_area_layer(boundaries_));
    return *polygons_;
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
    const AreaLayer& all = lsoa_polygons();
    std::unordered_map<std::string_view, std::size_t> feature;
    for (std::size_t k = 0; k < all.size(); ++k) feature.emplace(all.codes[k], k);
    std::vector<std::size_t> keep;
    for (const auto& code : d->table.area_codes())
        if (const auto it = feature.find(code); it != feature.end()) keep.push_back(it->second);
    d->geography = join_geography(d->table, subset_layer(all, keep), boundaries_);

    std::lock_guard lock(mutex_);
    const auto it = std::find_if(cache_.begin(), cache_.end(), [&](const auto& x) { return x->name == name; });
    if (it != cache_.end()) return *it;  // built twice at once: keep the first
    cache_.push_front(std::move(d));
    while (cache_.size() > capacity_) cache_.pop_back();
    return cache_.front();
}

}  // namespace cohesion
