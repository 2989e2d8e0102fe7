#pragma once
// Town — everything the projection and the residential model read about one town, on one
// geography (2021 LSOAs): people by group at the two censuses (2011 harmonised onto 2021
// areas through the ONS lookup, both on the five broad groups), 2021 households and tenure
// (Census 2021 TS054, output areas summed to LSOAs), centroids and queen neighbourhoods.
//
// Households by group are not published at LSOA level with ethnicity; we take each group's
// households in an area as its people divided by the area's 2021 mean household size
// (people / TS054 households), i.e. the same household size for every group within an area.
// 2011 capacity is derived the same way: 2011 people / 2021 household size, so dwellings
// grow between the censuses in proportion to population growth (an assumption, documented).
#include <functional>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "geo/area_layer.hpp"
#include "io/table_input.hpp"
#include "simulation/residential_model.hpp"
#include "weights/weights.hpp"

namespace cohesion {

struct TownSources {
    std::string name;                 // e.g. "Bedford": the 2011 LAD name and the 2022 LTLA name
    std::string earlier;              // 2011 OA ethnicity (wide, with LSOA and LAD columns)
    std::string earlier_scheme;       // 14 groups -> 5 broad groups
    std::string later;                // 2021 LSOA ethnicity, 5 groups (counts)
    std::string later_scheme;
    std::string lookup;               // LSOA 2011 -> 2021 with ltla22_name
    std::string households;           // TS054 at OA level
    std::string households_lookup;    // OA 2021 -> LSOA 2021
    std::string boundaries;           // LSOA 2021 polygons
};

// The shared data layout (../shared/data) or the bundled Bedford folder, for a town name.
TownSources shared_town_sources(const std::string& shared_data, const std::string& repository_data,
                                const std::string& town);
TownSources bedford_sources(const std::string& repository_data);
// The bundled Bedford folder when the town is Bedford and `repository_data`/bedford has its
// 2021 table, else the town from the shared files (`shared` "" = $COHESION_SHARED_DATA, else
// ../shared/data) — what `cohesion simulate --town` and a project's what-if step read.
TownSources town_sources(const std::string& town, const std::string& repository_data, const std::string& shared);

struct Town {
    std::string name;
    std::vector<std::string> codes;
    std::vector<std::string> groups;
    Table earlier, later;                      // people, same areas and groups, same order
    std::vector<double> households;            // 2021 households (TS054 total)
    std::vector<double> private_share, social_share;
    std::vector<double> x_km, y_km;
    Weights neighbourhood;                     // queen, row-standardised, with self
    int earlier_year = 2011, later_year = 2021;
    std::vector<std::string> notes;
    std::size_t areas() const { return codes.size(); }
};

// How load_town reads its files; empty = load_table / load_area_layer. A study passes its
// own readers, so files it has read already (the census tables, the 2021 LSOA polygons) are
// not read again.
struct TownReaders {
    std::function<Table(const TableInput&)> table;
    std::function<AreaLayer(const std::string&)> layer;
};

Town load_town(const TownSources& sources, const TownReaders& readers = {});

// People → households (rounded per cell, largest remainder per area), capacities, growth.
// `from_later`: start at the later census (projections) instead of the earlier (backcasts);
// capacity then keeps growing at the 2011→2021 rate per area.
SimulationSetup make_setup(const Town& town, bool from_later, int years, double vacancy_rate = 0.03);

// Mean household size per area (2021 people / 2021 households).
std::vector<double> household_size(const Town& town);

}  // namespace cohesion
