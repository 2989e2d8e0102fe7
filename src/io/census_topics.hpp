#pragma once
// The Census 2021 output-area topic tables the targeting analyses read from one folder
// (the shared data's ew2021_oa/ or the bundled data/bedford/census2021_oa/):
// ts001 residents, ts004 country of birth, ts029 English proficiency, ts054 tenure,
// and oa2021_lookup (OA -> LSOA -> MSOA -> LAD) for `where` and `aggregate`.
// Every table is filtered and aggregated the same way and put in the same area order.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct CensusSource {
    std::string folder;
    std::vector<std::string> where;  // LEVEL=VALUE filters on the lookup
    std::string aggregate;           // lookup level to sum output areas to; empty = OAs
};

// The topic tables of one source, each read from disk once and then kept: a command that
// needs a topic twice reads it once, and a server answers every request from memory.
// Safe to share between threads (a topic is loaded under a lock; tables are never dropped).
class CensusTopics {
public:
    explicit CensusTopics(CensusSource source) : source_(std::move(source)) {}
    // The same tables summed up to a lookup level, built in memory from `output_areas` (an
    // OA-level source) instead of read again: a study needing both reads each file once.
    CensusTopics(std::shared_ptr<const CensusTopics> output_areas, const std::string& level);
    const CensusSource& source() const { return source_; }
    // `topic` is the file stem (ts029 ...); .csv or .csv.gz. All columns are plain counts
    // (no declared total), so `total` is read like any other column.
    const Table& topic(const std::string& name) const;
    // The topic's table in `codes` order (an area missing from it is an error).
    Table topic(const std::string& name, const std::vector<std::string>& codes) const;

private:
    CensusSource source_;
    std::shared_ptr<const CensusTopics> output_areas_;  // set: aggregate its tables instead of reading
    mutable std::mutex mutex_;
    mutable std::map<std::string, Table> tables_;  // std::map: references survive later loads
};

// A column of a census table by name, with the table named in the error.
std::vector<double> census_column(const Table& table, const std::string& column);
// Notes saying where a topic table came from: the folder, then how it was loaded, filtered
// and aggregated (its history) — the first notes of every targeting result.
std::vector<std::string> census_provenance(const CensusTopics& census, const Table& table);
// Sum of several columns, area by area.
std::vector<double> census_sum(const Table& table, const std::vector<std::string>& columns);
// numerator / denominator area by area; 0 where the denominator is 0 (the zero-population rule).
std::vector<double> census_share(const std::vector<double>& numerator, const std::vector<double>& denominator);

}  // namespace cohesion
