#pragma once
// Study — a whole study's inputs, each read once and kept: the table, its polygons joined
// with spatial weights, the reference area, the two censuses of a change study (the
// earlier harmonised onto the later areas) and the Census 2021 tables for targeting.
// Every analysis of `cohesion run` and `cohesion report` reads from here, so a run reads
// each input file once (run.json records the counts) instead of once per command.
//
// Loading is checking: a missing file, a group that is not in the table or a lookup
// without the named columns fails here, naming the part of the spec (e.g. "change.later"),
// before any analysis runs.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analysis/spatial_data.hpp"
#include "autocorrelation/hot_spot_memo.hpp"
#include "change/lookup_harmonisation_job.hpp"
#include "core/table.hpp"
#include "geo/area_layer.hpp"
#include "geo/place_layer.hpp"
#include "io/census_topics.hpp"
#include "io/table_files.hpp"
#include "simulation/residential_model.hpp"
#include "simulation/town.hpp"
#include "study/study_spec.hpp"

namespace cohesion {

// One file the study read, with its SHA-256 (the report's provenance).
struct StudyInputFile {
    std::string role;  // "table", "boundaries", "reference", "change.earlier", ...
    std::string path;
    std::string sha256;
};

struct StudyChangeInputs {
    HarmonisedTable earlier;          // on the later geography, with the harmonisation notes
    Table later;
    std::optional<SpatialData> spatial;  // the earlier (harmonised) table on the later polygons
    std::string label_earlier, label_later;
};

struct StudyTargetingInputs {
    std::shared_ptr<const CensusTopics> output_areas;  // OA level (ESOL ranking)
    std::shared_ptr<const CensusTopics> aggregated;    // summed to the spec's level (maps, hubs, zones)
    // TS054 on the polygons of the aggregated areas (licensing zones); its layer is the
    // polygons the ESOL map and the hubs use. Empty without targeting boundaries.
    std::optional<SpatialData> tenure;
    const AreaLayer* layer() const { return tenure ? &tenure->layer : nullptr; }
};

// The files a study reads, each parsed once however many roles name it (Bedford's change and
// targeting steps share the 2021 LSOA polygons; `run --town` names the national table as the
// town's table, its reference, its earlier census and its peers' table).
struct StudyFiles {
    TableFiles tables;
    // A copy of the layer read from `path` (default options), read the first time it is named:
    // each user gets its own, since a join keeps its layer. Safe from several threads at once.
    AreaLayer layer(const std::string& path);

private:
    struct Read {
        std::once_flag once;
        AreaLayer layer;
    };
    std::mutex lock_;
    std::map<std::string, Read> layers_;  // std::map: entries stay put while others are added
};

// The town as the residential-mobility model reads it (both censuses on 2021 LSOAs,
// households, tenure, centroids) and the calibrated parameters for its groups.
struct StudyWhatIfInputs {
    Town town;
    TownSources sources;
    ModelParameters parameters;
    std::vector<std::string> notes;   // which parameters, as `cohesion simulate` says
};

// The town, its parameters and every scenario checked against its areas and groups (what
// Study reads for `what_if`; `cohesion serve --project` serves the same).
// `files` (may be null) shares the files the study has read already.
StudyWhatIfInputs load_study_what_if(const StudyWhatIfSpec& what_if, StudyFiles* files = nullptr);

// The two censuses of a change study on one geography (what Study reads for `change`;
// `cohesion serve --project` serves the same).
// `polygons`: also join the earlier table to the later geography's polygons. `files` (may be
// null) shares parsed files with the caller's other reads.
StudyChangeInputs load_study_change(const StudyChangeSpec& change, bool polygons = true, StudyFiles* files = nullptr);

class Study {
public:
    // Reads every input; `step` (may be empty) is told what is being read. `files` (may be
    // null) holds files the caller has parsed already (e.g. the national table `run --town`
    // read to find the town).
    explicit Study(StudySpec spec, const std::function<void(const std::string&)>& step = {},
                   StudyFiles* files = nullptr);

    const StudySpec& spec() const { return spec_; }
    std::string town() const { return study_town_name(spec_); }
    // The table as loaded (every area), and joined to its polygons (areas with a polygon).
    const Table& table() const { return table_; }
    const SpatialData* spatial() const { return spatial_ ? &*spatial_ : nullptr; }
    const std::vector<double>& area_km2() const { return area_km2_; }  // per spatial() area; empty without
    const Table* reference() const { return reference_ ? &*reference_ : nullptr; }
    // The whole national table of spec().national_table (the atlas comparison), or null.
    const Table* national() const { return national_ ? &*national_ : nullptr; }
    // The place layer (in the polygons' CRS) and the enclave rule with each spatial() area's
    // place name filled in (empty names without a place layer).
    const PlaceLayer* places() const { return places_ ? &*places_ : nullptr; }
    const EnclaveOptions& enclave_rule() const { return enclave_rule_; }
    // Hot spots found by one analysis of the study, shared with the others that ask the same
    // (a group's hot spots, its enclaves, the report's map): put it in their HotSpotOptions.
    const std::shared_ptr<HotSpotMemo>& hot_spot_memo() const { return hot_spot_memo_; }
    const StudyChangeInputs* change() const { return change_ ? &*change_ : nullptr; }
    const StudyTargetingInputs* targeting() const { return targeting_ ? &*targeting_ : nullptr; }
    const StudyWhatIfInputs* what_if() const { return what_if_ ? &*what_if_ : nullptr; }

    const std::vector<StudyInputFile>& inputs() const { return inputs_; }
    // Tables and polygon layers read while the study was built (each input file once).
    std::uint64_t tables_read() const { return tables_read_; }
    std::uint64_t layers_read() const { return layers_read_; }

private:
    void record(const std::string& role, const std::string& path);

    StudySpec spec_;
    std::shared_ptr<HotSpotMemo> hot_spot_memo_;
    Table table_;
    std::optional<SpatialData> spatial_;
    std::vector<double> area_km2_;
    std::optional<Table> reference_;
    std::optional<Table> national_;
    std::optional<PlaceLayer> places_;
    EnclaveOptions enclave_rule_;
    std::optional<StudyChangeInputs> change_;
    std::optional<StudyTargetingInputs> targeting_;
    std::optional<StudyWhatIfInputs> what_if_;
    std::vector<StudyInputFile> inputs_;
    std::uint64_t tables_read_ = 0, layers_read_ = 0;
};

}  // namespace cohesion
