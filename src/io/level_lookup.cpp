#include "io/level_lookup.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "core/error.hpp"
#include "io/csv_columns.hpp"
#include "io/text_file.hpp"

namespace cohesion {

Table add_levels_from(const Table& table, const std::string& path) {
    const std::string text = read_text_file(path);
    CsvReader reader(text, path);
    const CsvHeader header = CsvHeader::read(reader);
    if (header.names.size() < 2)
        throw Error(Location{path, 1, ""}, "expected an area code column and at least one level column");
    std::unordered_map<std::string_view, std::size_t> row;
    for (std::size_t i = 0; i < table.areas(); ++i) row.emplace(table.area_codes()[i], i);

    const std::size_t L = header.names.size() - 1;
    std::vector<Level> levels(L);
    for (std::size_t l = 0; l < L; ++l) {
        if (table.find_level(header.names[l + 1]))
            throw Error(Location{path, 1, header.names[l + 1]}, "the table already has a level of this name");
        levels[l].name = header.names[l + 1];
        levels[l].labels.resize(table.areas());
    }
    std::vector<std::size_t> line_of(table.areas(), 0);
    std::vector<std::string_view> fields;
    while (reader.next_row(fields)) {
        require_field_count(reader, fields, header.names.size());
        const auto it = row.find(trim(fields[0]));
        if (it == row.end()) continue;
        if (line_of[it->second])
            throw Error(Location{path, reader.line(), header.names[0]},
                        fmt::format("area {} is listed twice (first on line {})", it->first, line_of[it->second]));
        line_of[it->second] = reader.line();
        for (std::size_t l = 0; l < L; ++l) levels[l].labels[it->second] = std::string(trim(fields[l + 1]));
    }
    std::size_t missing = 0;
    std::string first;
    for (std::size_t i = 0; i < table.areas(); ++i)
        if (!line_of[i] && missing++ == 0) first = table.area_codes()[i];
    if (missing)
        throw Error(Location{path, 0, header.names[0]},
                    fmt::format("{} of {} areas of {} are not in this lookup (e.g. {})", missing, table.areas(),
                                table.source(), first));
    Table out = table;
    for (auto& level : levels) out.add_level(std::move(level));
    out.note(fmt::format("levels {} from {}", fmt::join(std::vector<std::string>(header.names.begin() + 1,
                                                                                  header.names.end()), ", "),
                         path));
    return out;
}

}  // namespace cohesion
