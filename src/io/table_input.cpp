#include "io/table_input.hpp"

#include <atomic>
#include <cstdint>

#include "io/group_scheme.hpp"
#include "io/level_lookup.hpp"
#include "io/percentage_counts.hpp"

#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "io/csv_columns.hpp"
#include "io/text_file.hpp"

namespace cohesion {

InputLayout parse_input_layout(const std::string& text) {
    if (text == "auto") return InputLayout::automatic;
    if (text == "wide") return InputLayout::wide;
    if (text == "long") return InputLayout::long_format;
    if (text == "ons") return InputLayout::ons_bulk;
    throw Error(Field{"layout"}, "unknown layout '" + text + "'; expected auto, wide, long or ons");
}

std::string to_string(InputLayout layout) {
    switch (layout) {
        case InputLayout::automatic: return "auto";
        case InputLayout::wide: return "wide";
        case InputLayout::long_format: return "long";
        case InputLayout::ons_bulk: return "ons";
    }
    return "auto";
}

InputLayout detect_layout(std::string_view text) {
    CsvReader reader(text, "<sniff>");
    std::vector<std::string_view> fields;
    if (!reader.next_row(fields)) return InputLayout::wide;
    CsvHeader header;
    for (auto f : fields) header.names.emplace_back(trim(f));
    if (header.find_any({"geography code"})) return InputLayout::ons_bulk;
    if (header.find_any({"group", "category"}) && header.find_any({"count", "value", "n"}) && header.names.size() <= 4)
        return InputLayout::long_format;
    return InputLayout::wide;
}

namespace {
std::atomic<std::uint64_t> table_loads{0};
}  // namespace

std::uint64_t tables_loaded() { return table_loads.load(); }

Table load_table(const TableInput& input) { return prepare_table(read_table_file(input), input); }

Table read_table_file(const TableInput& input) {
    if (input.path.empty()) throw Error("no input file given");
    ++table_loads;
    const std::string text = read_text_file(input.path);
    const InputLayout layout = input.layout == InputLayout::automatic ? detect_layout(text) : input.layout;
    Table table;
    switch (layout) {
        case InputLayout::long_format: table = parse_long_csv(text, input.path, input.long_format); break;
        case InputLayout::ons_bulk: {
            OnsBulkOptions ons = input.ons;
            if (!input.category_map_path.empty()) ons.rename = load_category_map(input.category_map_path);
            table = parse_ons_bulk_csv(text, input.path, ons);
            break;
        }
        default: table = parse_wide_csv(text, input.path, input.wide); break;
    }
    table.note("loaded " + input.path + " (" + to_string(layout) + " layout, " + std::to_string(table.areas()) +
               " areas, " + std::to_string(table.groups()) + " groups)");
    return table;
}

Table prepare_table(Table table, const TableInput& input) {
    if (!input.percent_of.empty()) {
        WideCsvOptions totals;
        totals.total_column = "-";  // every numeric column a plain column, so a lone `total` loads too
        table = counts_from_percentages(table, load_wide_csv(input.percent_of, totals), input.percent_total_column);
    }
    if (!input.levels_from.empty()) table = add_levels_from(table, input.levels_from);
    // Each step's errors are about the field that asked for it, whatever went wrong inside.
    for (const auto& w : input.where) table = about_field("where", [&] { return filter_areas(table, w); });
    if (!input.aggregate_to.empty())
        table = about_field("aggregate", [&] { return aggregate(table, input.aggregate_to); });
    // The residual first, so it can be merged (e.g. into White, as Gypsy/Irish Traveller).
    if (!input.residual_name.empty()) table = add_residual_group(table, input.residual_name);
    for (const auto& m : input.merges) table = about_field("merge", [&] { return merge_groups(table, m); });
    if (!input.scheme_path.empty()) table = apply_group_scheme(table, load_group_scheme(input.scheme_path));
    if (!input.groups.empty()) table = select_groups(table, input.groups);
    return table;
}

}  // namespace cohesion
