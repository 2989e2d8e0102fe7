#include "cli/input_options.hpp"

#include <sstream>

#include "core/error.hpp"

namespace cohesion::cli {

namespace {
std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}
}  // namespace

void add_input_options(CLI::App& command, InputOptionValues& v, const std::string& positional_name, bool positional) {
    if (positional)
        command.add_option(positional_name, v.input.path, "Count table: .csv or .csv.gz (wide, long or ONS bulk layout)")
            ->required();
    auto* g = "Input table";
    command.add_option("--layout", v.layout, "Table layout: auto, wide, long or ons (ONS 2021 bulk CSV)")
        ->default_val("auto")->group(g);
    command.add_option("--id", v.input.wide.id_column, "Wide layout: area code column (default: the first column)")->group(g);
    command.add_option("--group-columns", v.groups_csv,
                       "Wide layout: comma-separated count columns (default: every numeric column)")->group(g);
    command.add_option("--level-columns", v.levels_csv,
                       "Wide layout: comma-separated hierarchy columns, e.g. LSOA,MSOA,LAD (default: every text column)")->group(g);
    command.add_option("--total", v.input.wide.total_column,
                       "Wide layout: area-total column (default: a column named total or persons; '-' for none)")->group(g);
    command.add_option("--area-column", v.input.long_format.area_column, "Long layout: area code column")->group(g);
    command.add_option("--group-column", v.input.long_format.group_column, "Long layout: group name column")->group(g);
    command.add_option("--count-column", v.input.long_format.count_column, "Long layout: count column")->group(g);
    command.add_option("--categories", v.ons_level, "ONS layout: use 'leaf' categories (default) or 'top'-level ones")
        ->default_val("leaf")->group(g);
    command.add_option("--category-map", v.input.category_map_path,
                       "ONS layout: CSV of (category, name) giving short names for long category headings")->group(g);
    auto* s = "Areas and groups";
    command.add_option("--where", v.input.where, "Keep areas with LEVEL=VALUE, e.g. --where LAD=Bedford or --where \"LAD=Tower Hamlets,Newham\" (several values; case ignored when nothing matches exactly; repeatable: all must hold)")->group(s);
    command.add_option("--aggregate", v.input.aggregate_to, "Sum areas up to a hierarchy level first, e.g. LSOA")->group(s);
    command.add_option("--merge", v.input.merges,
                       "Merge groups: NAME=A+B+..., e.g. SouthAsian=Indian+Pakistani+Bangladeshi (repeatable)")->group(s);
    command.add_option("--residual", v.input.residual_name,
                       "Add (total - sum of groups) as a group with this name, e.g. GypsyTraveller")->group(s);
    command.add_option("--percent-of", v.input.percent_of,
                       "The groups are percentages: estimate counts as percentage x the total column of this "
                       "table (joined by area code), e.g. ts001.csv.gz for ts021_ethnic5_pct.csv.gz")->group(s);
    command.add_option("--percent-total", v.input.percent_total_column, "Total column of --percent-of")
        ->default_val("total")->group(s);
    command.add_option("--levels-from", v.input.levels_from,
                       "Lookup CSV (area code, then level columns) adding levels for --where/--aggregate, "
                       "e.g. oa2021_lookup.csv.gz")->group(s);
    command.add_option("--scheme", v.input.scheme_path,
                       "Group scheme CSV (source,target rows) mapping the table's groups onto common categories, "
                       "e.g. data/schemes/ethnicity2011_broad5.csv; unmapped groups are an error")->group(s);
    command.add_option("--groups", v.select_csv, "Comma-separated groups to keep, after merges")->group(s);
}

Table load_input(InputOptionValues& v) { return load_table(resolve_input(v)); }

const TableInput& resolve_input(InputOptionValues& v) {
    v.input.layout = parse_input_layout(v.layout);
    if (v.ons_level == "leaf") v.input.ons.level = OnsCategoryLevel::leaf;
    else if (v.ons_level == "top") v.input.ons.level = OnsCategoryLevel::top;
    else throw Error(Location{"", 0, "--categories"}, "expected 'leaf' or 'top', got '" + v.ons_level + "'");
    v.input.wide.group_columns = split_commas(v.groups_csv);
    v.input.wide.level_columns = split_commas(v.levels_csv);
    v.input.groups = split_commas(v.select_csv);
    return v.input;
}

void add_second_table_options(CLI::App& command, SecondTableValues& v, const std::string& path_help,
                              bool path_required) {
    command.add_option("B", v.path, path_help)->required(path_required);
    auto* g = "Second table (B)";
    command.add_option("--where-b", v.where, "LEVEL=VALUE filter for B only, e.g. --where-b LAD=Luton (repeatable)")
        ->group(g);
    command.add_option("--merge-b", v.merges, "Merge or rename B's groups onto A's, e.g. White=white (repeatable)")
        ->group(g);
    command.add_option("--scheme-b", v.scheme, "Group scheme CSV for B, e.g. data/schemes/ethnicity2021_broad5.csv")
        ->group(g);
    command.add_option("--groups-b", v.groups_csv, "Comma-separated groups of B to keep (default: A's groups)")->group(g);
    command.add_option("--layout-b", v.layout, "Layout of B: auto, wide, long or ons")->default_val("auto")->group(g);
}

Table load_second_table(const InputOptionValues& a_values, const Table& a, const SecondTableValues& v) {
    InputOptionValues b;
    if (v.path.empty() || v.path == a_values.input.path) {
        b = a_values;
    } else {
        b.input.path = v.path;
        b.layout = v.layout;
    }
    b.input.where.insert(b.input.where.end(), v.where.begin(), v.where.end());
    if (!v.merges.empty() || !v.scheme.empty()) {
        b.input.merges = v.merges;
        b.input.scheme_path = v.scheme;
        b.input.residual_name.clear();
        b.select_csv.clear();
    }
    const bool inherited = v.groups_csv.empty() && b.select_csv.empty();  // B takes A's groups
    if (!v.groups_csv.empty()) {
        b.select_csv = v.groups_csv;
    } else if (inherited) {
        for (const auto& g : a.group_names()) b.select_csv += (b.select_csv.empty() ? "" : ",") + g;
    }
    try {
        return load_input(b);
    } catch (const Error& e) {
        if (!inherited || e.field() != "groups") throw;  // not a --groups the user typed
        throw Error(e.where(), e.message() + "; B takes A's groups: map both tables onto the same groups "
                                             "(--scheme-b, --merge-b or --groups-b)");
    }
}

}  // namespace cohesion::cli
