#include "atlas/census2021_table.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "change/lookup_harmonisation.hpp"
#include "core/error.hpp"
#include "io/table_input.hpp"

namespace cohesion {

namespace {

Level copy_level(const Table& t, const std::string& from, const std::string& to) {
    return Level{to, t.level(from).labels};
}

}  // namespace

Table load_census2021_atlas_table(const std::string& data) {
    namespace fs = std::filesystem;
    auto at = [&data](const std::string& name) { return (fs::path(data) / name).string(); };
    TableInput in;
    in.path = at("ew2021_oa/ts021_ethnic5_pct.csv.gz");
    in.percent_of = at("ew2021_oa/ts001.csv.gz");
    in.levels_from = at("ew2021_oa/oa2021_lookup.csv.gz");
    Table t = load_table(in);
    t.add_level(copy_level(t, "lsoa21cd", "LSOA"));
    t.add_level(copy_level(t, "msoa21cd", "MSOA"));
    t.add_level(copy_level(t, "lad22nm", "LAD"));
    t.add_level(copy_level(t, "lad22cd", "LAD_CODE"));

    // Region of each LTLA: the region of most of its 2011 LSOAs.
    TableInput lsoa2011;
    lsoa2011.path = at("ew2011_lsoa_ethnicity.csv.gz");
    const Table old = load_table(lsoa2011);
    const auto& old_lsoa = old.area_codes();  // the table's first column, LSOA
    const Level& old_region = old.level("RGN");
    std::unordered_map<std::string, std::string> region_of_lsoa;
    for (std::size_t i = 0; i < old.areas(); ++i) region_of_lsoa.emplace(old_lsoa[i], old_region.labels[i]);
    LookupOptions o;
    o.from_column = "lsoa11_code";
    o.to_column = "lsoa21_code";
    o.level_columns = {"ltla22_code"};
    const GeographyLookup lookup = load_lookup(at("lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz"), o);
    const auto& ltla = lookup.levels.front().second;
    std::unordered_map<std::string, std::map<std::string, std::size_t>> votes;
    for (std::size_t r = 0; r < lookup.from.size(); ++r)
        if (const auto it = region_of_lsoa.find(lookup.from[r]); it != region_of_lsoa.end()) ++votes[ltla[r]][it->second];
    std::unordered_map<std::string, std::string> region_of_ltla;
    for (const auto& [code, counts] : votes) {
        const auto best = std::max_element(counts.begin(), counts.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        region_of_ltla[code] = best->first;
    }
    Level region{"RGN", {}};
    const Level& codes = t.level("LAD_CODE");
    for (std::size_t i = 0; i < t.areas(); ++i) {
        const auto it = region_of_ltla.find(codes.labels[i]);
        if (it == region_of_ltla.end())
            throw Error(Location{in.levels_from, 0, "lad22cd"},
                        "local authority " + codes.labels[i] + " has no LSOA in the LSOA 2011 -> 2021 lookup, so its "
                        "region is unknown");
        region.labels.push_back(it->second);
    }
    t.add_level(std::move(region));
    t.note("RGN: the region (2011 LSOA table) of most of each 2021 local authority's 2011 LSOAs");
    return t;
}

TownDirectory census2021_town_directory(const Table& table) {
    TownDirectory d;
    d.level = "LAD";
    const Level& names = table.level("LAD");
    const Level& codes = table.level("LAD_CODE");
    const Level& regions = table.level("RGN");
    std::unordered_map<std::string, bool> seen;
    for (std::size_t i = 0; i < table.areas(); ++i)
        if (seen.emplace(names.labels[i], true).second)
            d.towns.push_back({names.labels[i], codes.labels[i], "", regions.labels[i]});
    return d;
}

}  // namespace cohesion
