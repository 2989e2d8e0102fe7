#pragma once
// TownDatasets — any local authority of England and Wales served as a dataset on demand
// (`cohesion serve --national`), built from the national tables in the shared data folder
// the way `cohesion run --town NAME` builds its study (project/national_town): the town's
// output areas of the 2011 OA table summed to LSOAs, joined to its 2011 LSOA polygons (read
// from the national layer with a code filter, so a town costs its own polygons only).
//
// Why on demand and cached: 348 towns cannot all be loaded at start-up, and a town takes
// most of a second to build (filter, aggregate, polygon read and join, contiguity weights;
// BENCHMARKS.md), so it is built
// once in the work queue's heavy pool (never on the network thread) and kept in a bounded
// least-recently-used cache. A dataset that leaves the cache while a request still reads it
// stays alive through the request's shared_ptr (ApiParameters::hold).
//
// Served name: "town:" + the LAD name ("town:Bedford"), so a town never collides with a
// --dataset or --project name (those allow letters, digits, _ and - only).
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "atlas/town_directory.hpp"
#include "core/table.hpp"
#include "server/dataset_catalog.hpp"

namespace cohesion {

class TownDatasets {
public:
    // Loads the national OA table and the town directory of `data` (the shared data folder:
    // ew2011_oa_ethnicity.csv.gz, lookups/, ew_boundaries/lsoa2011.gpkg); a town's polygons
    // are read when it is built. `capacity`: towns kept at once (at least 1).
    TownDatasets(const std::string& data, std::size_t capacity);

    // The town a person typed (name or code, any case); Error naming the nearest names.
    TownSelection resolve(std::string_view name) const;
    static std::string dataset_name(const TownSelection& town) { return "town:" + town.name; }
    // A built town by its served name; null when not built or evicted.
    std::shared_ptr<const ServedDataset> find(const std::string& dataset) const;
    // Builds the town (or returns the cached one). Thread-safe; ~0.6 s the first time.
    std::shared_ptr<const ServedDataset> open(const TownSelection& town);

    const TownDirectory& directory() const { return directory_; }
    std::size_t capacity() const { return capacity_; }

private:
    std::string table_path_, boundaries_;
    Table national_;
    TownDirectory directory_;
    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::list<std::shared_ptr<const ServedDataset>> cache_;  // most recently used first
};

}  // namespace cohesion
