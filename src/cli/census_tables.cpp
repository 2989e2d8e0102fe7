#include "cli/census_tables.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "io/table_input.hpp"

namespace cohesion::cli {

namespace {

std::string find_file(const std::string& folder, const std::string& stem) {
    for (const char* ext : {".csv", ".csv.gz"}) {
        const auto path = std::filesystem::path(folder) / (stem + ext);
        if (std::filesystem::exists(path)) return path.string();
    }
    throw Error(Location{folder, 0, "--census"},
                "no " + stem + ".csv or " + stem + ".csv.gz here (expected the Census 2021 OA tables ts001, ts004, "
                "ts029, ts054 and oa2021_lookup, e.g. data/bedford/census2021_oa)");
}

}  // namespace

void add_census_options(CLI::App& command, CensusOptionValues& v) {
    auto* g = "Census tables";
    command.add_option("--census", v.folder,
                       "Folder of Census 2021 OA tables (ts001, ts004, ts029, ts054, oa2021_lookup; .csv or .csv.gz), "
                       "e.g. data/bedford/census2021_oa or ../shared/data/ew2021_oa")
        ->required()->group(g);
    command.add_option("--where", v.where, "Keep areas with LEVEL=VALUE from the lookup, e.g. lad22nm=Bedford")
        ->group(g);
    command.add_option("--aggregate", v.aggregate,
                       "Sum output areas to a lookup level first, e.g. lsoa21cd (to map with LSOA boundaries)")
        ->group(g);
}

Table load_census_topic(const CensusOptionValues& v, const std::string& topic) {
    TableInput input;
    input.path = find_file(v.folder, topic);
    input.layout = InputLayout::wide;
    input.wide.total_column = "-";
    input.levels_from = find_file(v.folder, "oa2021_lookup");
    input.where = v.where;
    input.aggregate_to = v.aggregate;
    return load_table(input);
}

Table load_census_topic(const CensusOptionValues& v, const std::string& topic, const std::vector<std::string>& codes) {
    return select_area_codes(load_census_topic(v, topic), codes);
}

std::vector<double> census_column(const Table& table, const std::string& column) {
    if (!table.find_group(column))
        throw Error(Location{table.source(), 1, column}, "this census table has no such column");
    const auto c = table.column(table.group_index(column));
    return {c.begin(), c.end()};
}

}  // namespace cohesion::cli
