#include "io/csv_columns.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace cohesion {

namespace {
bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
}  // namespace

CsvHeader CsvHeader::read(CsvReader& reader) {
    CsvHeader header;
    header.file = reader.name();
    std::vector<std::string_view> fields;
    if (!reader.next_row(fields)) throw Error(Location{reader.name(), 1, {}}, "empty file (expected a header line)");
    for (std::size_t c = 0; c < fields.size(); ++c) {
        std::string name(trim(fields[c]));
        if (name.empty())
            throw Error(Location{reader.name(), reader.line(), {}},
                        "header column " + std::to_string(c + 1) + " has no name");
        if (std::find(header.names.begin(), header.names.end(), name) != header.names.end())
            throw Error(Location{reader.name(), reader.line(), name}, "duplicate column name in header");
        header.names.push_back(std::move(name));
    }
    return header;
}

std::optional<std::size_t> CsvHeader::find(std::string_view name) const {
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) return std::nullopt;
    return static_cast<std::size_t>(it - names.begin());
}

std::optional<std::size_t> CsvHeader::find_any(std::initializer_list<std::string_view> candidates) const {
    for (auto candidate : candidates)
        for (std::size_t c = 0; c < names.size(); ++c)
            if (iequals(names[c], candidate)) return c;
    return std::nullopt;
}

std::size_t CsvHeader::require(std::string_view name, std::string_view role) const {
    if (auto c = find(name)) return *c;
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    throw Error(Location{file, 1, std::string(name)},
                "unknown " + std::string(role) + " column; the header has: " + list);
}

void require_field_count(const CsvReader& reader, const std::vector<std::string_view>& fields, std::size_t expected) {
    if (fields.size() != expected)
        throw Error(Location{reader.name(), reader.line(), {}},
                    "expected " + std::to_string(expected) + " fields (as in the header), found " +
                        std::to_string(fields.size()));
}

std::size_t AreaCodeIndex::insert_unique(std::string_view code, std::size_t line, const std::string& column) {
    if (code.empty()) throw Error(Location{file_, line, column}, "empty area code");
    auto [it, inserted] = seen_.try_emplace(std::string(code), codes_.size(), line);
    if (!inserted)
        throw Error(Location{file_, line, column}, "duplicate area code '" + std::string(code) +
                                                       "' (first seen on line " + std::to_string(it->second.second) +
                                                       ")");
    codes_.emplace_back(code);
    return codes_.size() - 1;
}

std::size_t AreaCodeIndex::insert_or_find(std::string_view code, std::size_t line, const std::string& column) {
    if (code.empty()) throw Error(Location{file_, line, column}, "empty area code");
    auto [it, inserted] = seen_.try_emplace(std::string(code), codes_.size(), line);
    if (inserted) codes_.emplace_back(code);
    return it->second.first;
}

}  // namespace cohesion
