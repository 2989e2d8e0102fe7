#include "io/ons_bulk_loader.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "io/csv_columns.hpp"
#include "io/text_file.hpp"

namespace cohesion {

namespace {

struct Category {
    std::size_t column;
    std::string heading;                // without the table prefix and measures suffix
    std::vector<std::string> segments;  // split on ": "
    bool total = false;
    bool has_children = false;
};

std::vector<std::string> split_segments(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto colon = s.find(": ", start);
        out.emplace_back(trim(s.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start)));
        if (colon == std::string_view::npos) break;
        start = colon + 2;
    }
    return out;
}

}  // namespace

std::string short_category_name(std::string_view label) {
    std::string out;
    bool pending_underscore = false;
    for (char ch : label) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c)) {
            if (pending_underscore && !out.empty()) out += '_';
            pending_underscore = false;
            out += static_cast<char>(std::tolower(c));
        } else {
            pending_underscore = true;
        }
    }
    return out.empty() ? "category" : out;
}

Table parse_ons_bulk_csv(std::string_view text, const std::string& name, const OnsBulkOptions& options) {
    CsvReader reader(text, name);
    const CsvHeader header = CsvHeader::read(reader);
    const auto code = header.find_any({"geography code"});
    if (!code) throw Error(Location{name, 1, "geography code"}, "not an ONS bulk file: no 'geography code' column");
    const auto geography_name = header.find_any({"geography"});

    std::vector<Category> categories;
    for (std::size_t c = 0; c < header.names.size(); ++c) {
        if (c == *code || (geography_name && c == *geography_name)) continue;
        std::string_view h = header.names[c];
        if (h == "date") continue;
        if (const auto m = h.find(";"); m != std::string_view::npos) h = h.substr(0, m);
        auto segments = split_segments(h);
        if (segments.size() < 2) continue;  // not "<Table>: <category>"
        segments.erase(segments.begin());   // the table name
        Category cat{c, {}, segments};
        for (std::size_t k = 0; k < segments.size(); ++k) cat.heading += (k ? ": " : "") + segments[k];
        const std::string first = short_category_name(segments.front());
        // "Total" or "Total: All usual residents": the universe, not a group.
        cat.total = first.rfind("total", 0) == 0;
        categories.push_back(std::move(cat));
    }
    for (auto& parent : categories)
        for (const auto& child : categories)
            if (child.segments.size() > parent.segments.size() &&
                std::equal(parent.segments.begin(), parent.segments.end(), child.segments.begin()))
                parent.has_children = true;

    std::optional<std::size_t> total_column;
    std::vector<const Category*> groups;
    for (const auto& cat : categories) {
        if (options.level == OnsCategoryLevel::every) {
            if (!cat.total || !total_column) groups.push_back(&cat);
            if (cat.total) total_column = cat.column;  // a column like the others, not a declared total
        } else if (cat.total) {
            if (!total_column) total_column = cat.column;
        }
        else if (options.level == OnsCategoryLevel::leaf ? !cat.has_children : cat.segments.size() == 1)
            groups.push_back(&cat);
    }
    if (groups.empty()) throw Error(Location{name, 1, {}}, "no category columns of the form '<Table>: <category>' found");

    std::vector<std::string> group_names;
    for (const auto* cat : groups) {
        std::string short_name = cat->total ? std::string("total") : short_category_name(cat->segments.back());
        if (auto it = options.rename.find(cat->heading); it != options.rename.end()) short_name = it->second;
        else if (auto it2 = options.rename.find(short_name); it2 != options.rename.end()) short_name = it2->second;
        if (std::find(group_names.begin(), group_names.end(), short_name) != group_names.end())
            throw Error(Location{name, 1, cat->heading},
                        "two categories map to the short name '" + short_name + "'; give one a name in " + field_ref("category_map"));
        group_names.push_back(std::move(short_name));
    }

    AreaCodeIndex areas(name);
    std::vector<std::vector<double>> values(groups.size());
    std::vector<double> totals;
    std::vector<std::string> place_names;
    std::vector<std::string_view> fields;
    std::string why;
    while (reader.next_row(fields)) {
        require_field_count(reader, fields, header.names.size());
        areas.insert_unique(trim(fields[*code]), reader.line(), header.names[*code]);
        for (std::size_t k = 0; k < groups.size(); ++k) {
            const auto v = parse_count(fields[groups[k]->column], why);
            if (!v) throw Error(Location{name, reader.line(), header.names[groups[k]->column]}, why);
            values[k].push_back(*v);
        }
        if (total_column && options.level != OnsCategoryLevel::every) {
            const auto v = parse_count(fields[*total_column], why);
            if (!v) throw Error(Location{name, reader.line(), header.names[*total_column]}, why);
            totals.push_back(*v);
        }
        if (geography_name) place_names.emplace_back(trim(fields[*geography_name]));
    }
    if (areas.size() == 0) throw Error(Location{name, 2, {}}, "no data rows after the header");

    Table table(std::move(areas).codes(), std::move(group_names));
    for (std::size_t k = 0; k < groups.size(); ++k) std::copy(values[k].begin(), values[k].end(), table.column(k).begin());
    table.set_source(name);
    if (total_column && options.level != OnsCategoryLevel::every) table.set_declared_total("total", std::move(totals));
    if (geography_name) table.add_level(Level{"geography", std::move(place_names)});
    return table;
}

Table load_ons_bulk_csv(const std::string& path, const OnsBulkOptions& options) {
    return parse_ons_bulk_csv(read_text_file(path), path, options);
}

std::map<std::string, std::string> load_category_map(const std::string& path) {
    const std::string text = read_text_file(path);
    CsvReader reader(text, path);
    const CsvHeader header = CsvHeader::read(reader);
    if (header.names.size() != 2)
        throw Error(Location{path, 1, {}}, "a category map has two columns: category (long name), name (short name)");
    std::map<std::string, std::string> map;
    std::vector<std::string_view> fields;
    while (reader.next_row(fields)) {
        require_field_count(reader, fields, 2);
        const std::string key(trim(fields[0])), value(trim(fields[1]));
        if (key.empty() || value.empty()) throw Error(Location{path, reader.line(), {}}, "empty category or name");
        if (!map.emplace(key, value).second) throw Error(Location{path, reader.line(), header.names[0]}, "category '" + key + "' is mapped twice");
    }
    return map;
}

}  // namespace cohesion
