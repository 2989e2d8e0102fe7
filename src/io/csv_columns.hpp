#pragma once
// Shared pieces of the CSV loaders: the header, finding columns by name with
// a helpful error, and the duplicate-area check.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/csv_reader.hpp"

namespace cohesion {

// Columns a CSV header may have. Census tables have tens to hundreds of groups; a
// header of millions of fields is a wrong or hostile file, refused before any work.
inline constexpr std::size_t max_csv_columns = 100000;

struct CsvHeader {
    std::string file;
    std::vector<std::string> names;

    // Reads and validates the header line (non-empty, unique names, at most
    // max_csv_columns); linear in the number of columns.
    static CsvHeader read(CsvReader& reader);
    // Index of a column; throws Error "unknown column 'X'; expected one of: ...".
    std::size_t require(std::string_view name, std::string_view role) const;
    std::optional<std::size_t> find(std::string_view name) const;
    // Case-insensitive lookup among candidate names.
    std::optional<std::size_t> find_any(std::initializer_list<std::string_view> candidates) const;
};

// Throws a located Error if `fields` does not have `expected` entries.
void require_field_count(const CsvReader& reader, const std::vector<std::string_view>& fields, std::size_t expected);

// Remembers area codes and the line they appeared on; throws on a repeat.
class AreaCodeIndex {
public:
    explicit AreaCodeIndex(std::string file) : file_(std::move(file)) {}
    // Returns the code's position (new codes are appended).
    std::size_t insert_unique(std::string_view code, std::size_t line, const std::string& column);
    // Returns the position of `code`, adding it if new (long format: codes repeat).
    std::size_t insert_or_find(std::string_view code, std::size_t line, const std::string& column);
    std::vector<std::string> codes() && { return std::move(codes_); }
    std::size_t size() const { return codes_.size(); }

private:
    std::string file_;
    std::vector<std::string> codes_;
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> seen_;  // code -> (position, line)
};

}  // namespace cohesion
