#include "io/long_csv_loader.hpp"

#include <unordered_map>

#include "core/error.hpp"
#include "io/csv_columns.hpp"
#include "io/text_file.hpp"

namespace cohesion {

namespace {
std::size_t choose(const CsvHeader& header, const std::string& given, std::initializer_list<std::string_view> names,
                   std::size_t fallback, std::string_view role) {
    if (!given.empty()) return header.require(given, role);
    if (auto c = header.find_any(names)) return *c;
    if (fallback >= header.names.size())
        throw Error(Location{header.file, 1, {}}, "a long table needs at least 3 columns (area, group, count)");
    return fallback;
}
}  // namespace

Table parse_long_csv(std::string_view text, const std::string& name, const LongCsvOptions& options) {
    CsvReader reader(text, name);
    const CsvHeader header = CsvHeader::read(reader);
    const std::size_t area = choose(header, options.area_column, {"area", "code", "geography code", "unit"}, 0, "area");
    const std::size_t group = choose(header, options.group_column, {"group", "category"}, 1, "group");
    const std::size_t count = choose(header, options.count_column, {"count", "value", "n"}, 2, "count");
    if (area == group || area == count || group == count)
        throw Error(Location{name, 1, {}}, "the area, group and count columns must be three different columns");

    AreaCodeIndex areas(name);
    std::vector<std::string> group_names;
    std::unordered_map<std::string, std::size_t> group_position;
    struct Entry { std::size_t area, group; double value; std::size_t line; };
    std::vector<Entry> entries;
    std::vector<std::string_view> fields;
    std::string why;
    while (reader.next_row(fields)) {
        require_field_count(reader, fields, header.names.size());
        const std::size_t a = areas.insert_or_find(trim(fields[area]), reader.line(), header.names[area]);
        const std::string g(trim(fields[group]));
        if (g.empty()) throw Error(Location{name, reader.line(), header.names[group]}, "empty group name");
        auto [it, inserted] = group_position.try_emplace(g, group_names.size());
        if (inserted) group_names.push_back(g);
        const auto v = parse_count(fields[count], why);
        if (!v) throw Error(Location{name, reader.line(), header.names[count]}, why);
        entries.push_back({a, it->second, *v, reader.line()});
    }
    if (entries.empty()) throw Error(Location{name, 2, {}}, "no data rows after the header");

    Table table(std::move(areas).codes(), group_names);
    std::vector<std::size_t> first_line(table.areas() * table.groups(), 0);
    for (const auto& e : entries) {
        std::size_t& seen = first_line[e.group * table.areas() + e.area];
        if (seen)
            throw Error(Location{name, e.line, header.names[group]},
                        "area '" + table.area_codes()[e.area] + "' has group '" + group_names[e.group] +
                            "' twice (first on line " + std::to_string(seen) + ")");
        seen = e.line;
        table.column(e.group)[e.area] = e.value;
    }
    table.set_source(name);
    return table;
}

Table load_long_csv(const std::string& path, const LongCsvOptions& options) {
    return parse_long_csv(read_text_file(path), path, options);
}

}  // namespace cohesion
