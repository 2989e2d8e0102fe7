#include "atlas/town_directory.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "core/error.hpp"
#include "core/message_text.hpp"
#include "io/csv_columns.hpp"
#include "io/csv_reader.hpp"
#include "io/text_file.hpp"

namespace cohesion {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

struct Authority2022 {
    std::string name;
    std::map<std::string, std::size_t> lads2011;  // lookup rows per 2011 LAD of the table
    std::size_t rows = 0;                         // all its lookup rows, in the table or not
};

}  // namespace

TownDirectory make_town_directory(const Table& table, const std::string& lookup_path, const std::string& level,
                                  const std::string& lsoa_level, const std::string& region_level) {
    TownDirectory out;
    out.level = level;
    const Level& names = table.level(level);
    const Level* regions = table.find_level(region_level);
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < names.labels.size(); ++i) {
        const auto [it, added] = index.emplace(names.labels[i], out.towns.size());
        if (added) out.towns.push_back({names.labels[i], "", "", regions ? regions->labels[i] : ""});
    }
    if (lookup_path.empty()) return out;

    const Level& lsoas = table.level(lsoa_level);
    std::unordered_map<std::string, std::string> lad_of_lsoa;  // 2011 LSOA code → 2011 LAD name
    for (std::size_t i = 0; i < lsoas.labels.size(); ++i) lad_of_lsoa.emplace(lsoas.labels[i], names.labels[i]);

    const std::string text = read_text_file(lookup_path);  // gzip is unpacked here
    CsvReader reader(text, lookup_path);
    const CsvHeader header = CsvHeader::read(reader);
    const std::size_t c_lsoa = header.require("lsoa11_code", "2011 LSOA code");
    const std::size_t c_name = header.require("ltla22_name", "2022 local authority name");
    const std::size_t c_code = header.require("ltla22_code", "2022 local authority code");
    std::map<std::string, Authority2022> authorities;          // 2022 code → name, 2011 LADs
    std::map<std::string, std::map<std::string, std::size_t>> codes_of_lad;  // 2011 LAD → 2022 codes → rows
    std::vector<std::string_view> f;
    while (reader.next_row(f)) {
        require_field_count(reader, f, header.names.size());
        const auto lad = lad_of_lsoa.find(std::string(f[c_lsoa]));
        auto& a = authorities[std::string(f[c_code])];
        a.name = std::string(f[c_name]);
        ++a.rows;
        if (lad == lad_of_lsoa.end()) continue;  // an LSOA not in this table (e.g. --where left it out)
        ++a.lads2011[lad->second];
        ++codes_of_lad[lad->second][std::string(f[c_code])];
    }
    for (auto& town : out.towns) {
        const auto codes = codes_of_lad.find(town.name);
        if (codes == codes_of_lad.end()) continue;
        // The 2022 authority holding most of the LAD's LSOAs is its successor. It carries the
        // LAD's own code when at least 95% of it is this LAD: minor boundary changes since
        // 2011 (Gateshead/Northumberland 2013; East Hertfordshire/Welwyn Hatfield 2019, new
        // codes) move a few LSOAs, a merger (Forest Heath + St Edmundsbury) moves half. A
        // filtered table cannot tell a LAD from the authority it became, so rows outside the
        // table count against it.
        const auto best = std::max_element(codes->second.begin(), codes->second.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        const Authority2022& a = authorities.at(best->first);
        if (static_cast<double>(a.lads2011.at(town.name)) >= 0.95 * static_cast<double>(a.rows))
            town.code = best->first;
        else
            town.became = fmt::format("{} ({})", a.name, best->first);
    }
    return out;
}

TownSelection resolve_town(const TownDirectory& directory, std::string_view name) {
    const std::string wanted = lower(trimmed(name));
    if (wanted.empty()) throw Error(Field{"town"}, "no town given; name a local authority or its code");
    for (const auto& town : directory.towns)
        if (lower(town.name) == wanted || (!town.code.empty() && lower(town.code) == wanted))
            return {town.code, town.name, directory.level + "=" + town.name};

    // Nearest names first, so "Bedfrod" suggests Bedford and "Hull" suggests Kingston upon Hull.
    std::vector<std::pair<std::size_t, const TownEntry*>> ranked;
    for (const auto& town : directory.towns) {
        std::size_t d = edit_distance(town.name, wanted);
        if (lower(town.name).find(wanted) != std::string::npos) d = 0;  // a part of the name
        ranked.emplace_back(d, &town);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string near;
    for (std::size_t k = 0; k < std::min<std::size_t>(5, ranked.size()); ++k)
        near += (k ? ", " : "") + ranked[k].second->name + (ranked[k].second->code.empty() ? "" : " (" + ranked[k].second->code + ")");
    throw Error(Field{"town"},
                fmt::format("no local authority called {} among the {} in the national table; nearest: {}",
                            quoted(name), directory.towns.size(), near));
}

}  // namespace cohesion
