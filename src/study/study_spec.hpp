#pragma once
// StudySpec — one typed description of a whole study: the table, its polygons, the
// reference area, the analyses and their settings, the two censuses of a change study and
// the Census 2021 tables for targeting. The project file (project/), `cohesion run`,
// `cohesion report` and `cohesion serve --project` all describe a study with it, and the
// table part is the same TableInput every command's options build.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/spatial_data.hpp"
#include "change/lookup_harmonisation_job.hpp"
#include "geo/area_layer.hpp"
#include "io/census_topics.hpp"
#include "io/table_input.hpp"
#include "simulation/scenario.hpp"
#include "spatial/enclaves.hpp"

namespace cohesion {

// Two censuses: the earlier harmonised onto the later geography through a lookup.
struct StudyChangeSpec {
    TableInput earlier, later;        // later.groups empty: the earlier table's groups, in its order
    LookupHarmonisationJob lookup;
    std::string boundaries;           // the later geography's polygons (change map, emerging enclaves)
    std::vector<std::string> emerging;  // groups whose emerging enclaves are mapped
    double years = 10.0;
    int earlier_year = 0, later_year = 0;  // the censuses' years ("2011", "2021" in the report; 0 = unknown)
    // The shared data folder with the national tables, for "while it rose across England and
    // Wales" in the findings (study/national_change.hpp); "" or missing files: no comparison.
    std::string national;
    // Keep only the later table's areas that the harmonised earlier table has (a national
    // later table for one town).
    bool later_areas_of_earlier = false;
};

// Census 2021 output-area tables for ESOL need, hubs and the licensing screen.
struct StudyTargetingSpec {
    CensusSource census;              // folder and where-filters; OA level
    std::string aggregate;            // level the maps, hubs and licensing zones use (e.g. lsoa21cd)
    std::string boundaries;           // polygons of the aggregated areas
    std::string model = "maximal-covering";
    std::size_t hubs = 3;
    double distance = 800.0;          // metres
};

// "What if": the project's [[scenario]] blocks run against the baseline by the
// residential-mobility model on the town's 2021 LSOAs (docs/simulation.md), with few
// replicates so a whole run stays fast (the bands say how much the runs differ).
struct StudyWhatIfSpec {
    std::string town;                 // local authority name (2011 = 2022 name)
    std::string data;                 // the repository's data folder (schemes, bedford/)
    std::string shared;               // shared national data ("" = $COHESION_SHARED_DATA, else ../shared/data)
    std::string parameters;           // calibrated parameters JSON ("" = neutral preferences)
    std::vector<ScenarioSpec> scenarios;
    int years = 10;                   // from 2021
    std::size_t replicates = 8;
    std::uint64_t seed = 20210321;
};

struct StudySpec {
    std::string name;                 // the town, for titles ("" = from the table's filter or file name)
    TableInput table;
    std::string boundaries;           // polygons of the table's areas ("" = no maps or spatial analyses)
    AreaLayerOptions layer;           // which layer, its area-code field, the working CRS (defaults: detected)
    WeightsSpec weights;              // spatial weights rule (queen by default)
    std::string reference;            // whole reference area with the same groups, e.g. the national table
    std::string reference_name = "England & Wales";
    int bootstrap = 100;
    int permutations = 999;
    std::uint64_t seed = 20170601;
    bool indices = true, local = true, report = true, pdf = true;
    std::string typology_host;        // "" = no typology
    std::vector<std::string> hotspots, enclaves;  // groups
    EnclaveOptions enclave_rule;      // LISA or G*, smallest enclave, least location quotient (places filled by Study)
    std::string places;               // named places (e.g. wards) for maps and enclave names ("" = none)
    // The national OA table (e.g. ew2011_oa_ethnicity.csv.gz) and the town's LAD name in it:
    // the study compares the town with its most similar towns and England & Wales (atlas).
    std::string national_table, national_town;
    std::optional<StudyChangeSpec> change;
    std::optional<StudyTargetingSpec> targeting;
    std::optional<StudyWhatIfSpec> what_if;
};

// The town's name for titles: `name`, else the value of the table's first LEVEL=VALUE filter,
// else the table file's stem.
std::string study_town_name(const StudySpec& spec);

}  // namespace cohesion
