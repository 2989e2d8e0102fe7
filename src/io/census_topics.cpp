#include "io/census_topics.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "io/ons_census_headings.hpp"
#include "io/table_input.hpp"

namespace cohesion {

namespace {

// The topic's file: the renamed table (ts029.csv) or the ONS bulk download as published
// (census2021-ts029-oa.csv), each possibly gzipped.
struct TopicFile {
    std::string path;
    bool ons_bulk = false;
};

TopicFile find_file(const std::string& folder, const std::string& stem) {
    for (const char* ext : {".csv", ".csv.gz"}) {
        const auto path = std::filesystem::path(folder) / (stem + ext);
        if (std::filesystem::exists(path)) return {path.string(), false};
    }
    for (const char* ext : {".csv", ".csv.gz"}) {
        const auto path = std::filesystem::path(folder) / ("census2021-" + stem + "-oa" + ext);
        if (std::filesystem::exists(path)) return {path.string(), true};
    }
    throw Error(Location{folder, 0, {}}, Field{"census"},
                "no " + stem + ".csv, " + stem + ".csv.gz or census2021-" + stem +
                    "-oa.csv (the ONS bulk download) here (expected the Census 2021 OA tables ts001, ts004, ts029, "
                    "ts054 and oa2021_lookup, e.g. data/bedford/census2021_oa)");
}

}  // namespace

CensusTopics::CensusTopics(std::shared_ptr<const CensusTopics> output_areas, const std::string& level)
    : source_(output_areas->source()), output_areas_(std::move(output_areas)) {
    if (!source_.aggregate.empty())
        throw Error(Location{source_.folder, 0, "aggregate"}, "these census tables are aggregated already");
    source_.aggregate = level;
}

const Table& CensusTopics::topic(const std::string& name) const {
    std::lock_guard lock(mutex_);
    if (const auto it = tables_.find(name); it != tables_.end()) return it->second;
    if (output_areas_) return tables_.emplace(name, aggregate(output_areas_->topic(name), source_.aggregate)).first->second;
    TableInput input;
    const TopicFile file = find_file(source_.folder, name);
    input.path = file.path;
    if (file.ons_bulk) {
        // ONS headings -> the short column names of the renamed tables (ons_census_headings.hpp).
        input.layout = InputLayout::ons_bulk;
        input.ons.level = OnsCategoryLevel::every;
        input.ons.rename = ons_census_headings(name);
    } else {
        input.layout = InputLayout::wide;
        input.wide.total_column = "-";
    }
    input.levels_from = find_file(source_.folder, "oa2021_lookup").path;
    input.where = source_.where;
    input.aggregate_to = source_.aggregate;
    return tables_.emplace(name, load_table(input)).first->second;
}

Table CensusTopics::topic(const std::string& name, const std::vector<std::string>& codes) const {
    return select_area_codes(topic(name), codes);
}

std::vector<double> census_column(const Table& table, const std::string& column) {
    if (!table.find_group(column))
        throw Error(Location{table.source(), 1, column}, "this census table has no such column");
    const auto c = table.column(table.group_index(column));
    return {c.begin(), c.end()};
}

std::vector<std::string> census_provenance(const CensusTopics& census, const Table& table) {
    std::vector<std::string> notes{"census tables: " + census.source().folder};
    for (const auto& h : table.history()) notes.push_back(h);
    return notes;
}

std::vector<double> census_sum(const Table& table, const std::vector<std::string>& columns) {
    std::vector<double> sum(table.areas(), 0.0);
    for (const auto& name : columns) {
        const auto c = census_column(table, name);
        for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += c[i];
    }
    return sum;
}

std::vector<double> census_share(const std::vector<double>& numerator, const std::vector<double>& denominator) {
    std::vector<double> r(numerator.size(), 0.0);
    for (std::size_t i = 0; i < r.size(); ++i) r[i] = denominator[i] > 0 ? numerator[i] / denominator[i] : 0.0;
    return r;
}

}  // namespace cohesion
