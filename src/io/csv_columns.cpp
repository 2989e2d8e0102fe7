#include "io/csv_columns.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

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
    if (fields.size() > max_csv_columns)
        throw Error(Location{reader.name(), reader.line(), {}},
                    "the header has " + std::to_string(fields.size()) + " columns; at most " +
                        std::to_string(max_csv_columns) +
                        " are supported (a census table has one column per group; is this the right file?)");
    header.names.reserve(fields.size());
    // A hash set, not a search of the names so far: wide headers stay linear.
    std::unordered_set<std::string_view> seen;
    seen.reserve(fields.size());
    for (std::size_t c = 0; c < fields.size(); ++c) {
        const std::string_view name = trim(fields[c]);
        if (name.empty())
            throw Error(Location{reader.name(), reader.line(), {}},
                        "header column " + std::to_string(c + 1) + " has no name");
        if (!seen.insert(name).second)
            throw Error(Location{reader.name(), reader.line(), std::string(name)}, "duplicate column name in header");
        header.names.emplace_back(name);
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
    // The first columns are enough to see what the file holds; a 50,000-name list is not.
    constexpr std::size_t shown = 40;
    std::string list;
    for (std::size_t k = 0; k < names.size() && k < shown; ++k) list += (k ? ", " : "") + names[k];
    if (names.size() > shown) list += ", ... (" + std::to_string(names.size()) + " columns)";
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
