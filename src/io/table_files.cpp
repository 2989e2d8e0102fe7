#include "io/table_files.hpp"

#include <utility>

namespace cohesion {

namespace {

// What decides how a file parses: the first stage of load_table, nothing after it.
TableInput parsing_of(const TableInput& input) {
    TableInput p;
    p.path = input.path;
    p.layout = input.layout;
    p.wide = input.wide;
    p.long_format = input.long_format;
    p.ons = input.ons;
    p.category_map_path = input.category_map_path;
    return p;
}

bool same_parsing(const TableInput& a, const TableInput& b) {
    return a.path == b.path && a.layout == b.layout && a.wide == b.wide && a.long_format == b.long_format &&
           a.ons == b.ons && a.category_map_path == b.category_map_path;
}

}  // namespace

Table TableFiles::load(const TableInput& input) {
    TableInput parsing = parsing_of(input);
    Parsed* entry = nullptr;
    {
        const std::lock_guard<std::mutex> hold(lock_);
        for (Parsed& p : parsed_)
            if (same_parsing(p.parsing, parsing)) entry = &p;
        if (!entry) {
            entry = &parsed_.emplace_back();
            entry->parsing = std::move(parsing);
        }
    }
    std::call_once(entry->once, [&] { entry->table = read_table_file(input); });
    return prepare_table(entry->table, input);
}

}  // namespace cohesion
