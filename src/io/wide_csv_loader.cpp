#include "io/wide_csv_loader.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/message_text.hpp"
#include "io/csv_columns.hpp"
#include "io/text_file.hpp"

namespace cohesion {

namespace {

enum class Role { ignore, id, group, total, level };

struct Plan {
    std::vector<Role> roles;
    std::size_t id = 0;
    std::vector<std::size_t> groups, levels;
    std::vector<bool> sniffed_level;  // per entry of `levels`: typed from the first row, checked later
    std::optional<std::size_t> total;
};

// Decide what each column is. Explicit options win; otherwise the first data row
// tells numeric (group) columns from text (level) columns. A text first cell in a
// column of numbers is a typo, not a hierarchy level: levels typed here are checked
// against the whole file once it is read (check_sniffed_levels).
Plan plan_columns(const CsvHeader& header, const std::vector<std::string_view>& first_row,
                  const WideCsvOptions& options) {
    Plan plan;
    plan.roles.assign(header.names.size(), Role::ignore);
    plan.id = options.id_column.empty() ? 0 : header.require(options.id_column, "id");
    plan.roles[plan.id] = Role::id;

    if (options.total_column == "-") {
        // no declared total
    } else if (!options.total_column.empty()) {
        plan.total = header.require(options.total_column, "total");
    } else if (auto t = header.find_any({"total", "persons", "all_persons", "all usual residents"}); t && *t != plan.id) {
        plan.total = t;
    }
    if (plan.total) {
        if (*plan.total == plan.id) throw Error(Location{header.file, 1, header.names[plan.id]}, "the id column cannot also be the total column");
        plan.roles[*plan.total] = Role::total;
    }

    auto assign = [&](const std::vector<std::string>& names, Role role, std::vector<std::size_t>& out, const char* what) {
        for (const auto& name : names) {
            const std::size_t c = header.require(name, what);
            if (plan.roles[c] != Role::ignore)
                throw Error(Location{header.file, 1, name}, std::string("column is already used as another role, cannot be a ") + what + " column");
            plan.roles[c] = role;
            out.push_back(c);
        }
    };
    assign(options.group_columns, Role::group, plan.groups, "group");
    assign(options.level_columns, Role::level, plan.levels, "level");
    plan.sniffed_level.assign(plan.levels.size(), false);

    for (std::size_t c = 0; c < header.names.size(); ++c) {
        if (plan.roles[c] != Role::ignore) continue;
        const bool numeric = c < first_row.size() && looks_numeric(first_row[c]);
        if (numeric && options.group_columns.empty()) {
            plan.roles[c] = Role::group;
            plan.groups.push_back(c);
        } else if (!numeric && options.level_columns.empty()) {
            plan.roles[c] = Role::level;
            plan.levels.push_back(c);
            plan.sniffed_level.resize(plan.levels.size(), false);
            plan.sniffed_level.back() = true;
        }
    }
    if (plan.groups.empty())
        throw Error(Location{header.file, 2, {}},
                    "no group columns found (expected numeric count columns; name them with " + field_ref("groups") + ")");
    return plan;
}

// A column typed as a level from its first cell, whose other cells are mostly numbers,
// is a count column with a bad cell: with automatic group columns that is an error
// naming the cell (or 1,683 Irish residents would silently become a "level"); with
// --group-columns it is simply not one of the chosen columns, so it is dropped.
// Returns the kept level positions.
std::vector<std::size_t> check_sniffed_levels(const Plan& plan, const CsvHeader& header,
                                              const std::vector<std::vector<std::string>>& labels,
                                              const std::vector<std::size_t>& lines, const WideCsvOptions& options) {
    std::vector<std::size_t> kept;
    for (std::size_t k = 0; k < plan.levels.size(); ++k) {
        const auto& values = labels[k];
        std::size_t numbers = 0;
        if (plan.sniffed_level[k])
            for (const auto& v : values) numbers += looks_numeric(v);
        if (!plan.sniffed_level[k] || 2 * numbers <= values.size()) {
            kept.push_back(k);
            continue;
        }
        if (!options.group_columns.empty()) continue;
        const std::size_t c = plan.levels[k];
        for (std::size_t row = 0; row < values.size(); ++row) {
            if (looks_numeric(values[row])) continue;
            throw Error(Location{header.file, lines[row], header.names[c]},
                        "expected a count, got " +
                            (values[row].empty() ? std::string("an empty cell") : quoted(values[row], 40)) +
                            " (the column holds numbers in " + std::to_string(numbers) + " of " +
                            std::to_string(values.size()) + " rows)");
        }
    }
    return kept;
}

}  // namespace

Table parse_wide_csv(std::string_view text, const std::string& name, const WideCsvOptions& options) {
    CsvReader reader(text, name);
    const CsvHeader header = CsvHeader::read(reader);
    const std::size_t width = header.names.size();

    std::vector<std::string_view> fields;
    if (!reader.next_row(fields)) throw Error(Location{name, 2, {}}, "no data rows after the header");
    require_field_count(reader, fields, width);
    const Plan plan = plan_columns(header, fields, options);

    AreaCodeIndex codes(name);
    std::vector<std::vector<double>> group_values(plan.groups.size());
    std::vector<double> totals;
    std::vector<std::vector<std::string>> level_labels(plan.levels.size());
    std::vector<std::size_t> lines;  // of each data row, for errors found after the whole file is read
    // Reserve from a size estimate: one row per line of roughly the first row's length.
    const std::size_t estimate = text.size() / std::max<std::size_t>(1, fields.size() * 4) + 16;
    for (auto& v : group_values) v.reserve(estimate);

    std::string why;
    do {
        require_field_count(reader, fields, width);
        const std::size_t line = reader.line();
        lines.push_back(line);
        codes.insert_unique(trim(fields[plan.id]), line, header.names[plan.id]);
        double row_sum = 0.0;
        for (std::size_t k = 0; k < plan.groups.size(); ++k) {
            const std::size_t c = plan.groups[k];
            const auto v = parse_count(fields[c], why);
            if (!v) throw Error(Location{name, line, header.names[c]}, why);
            group_values[k].push_back(*v);
            row_sum += *v;
        }
        if (plan.total) {
            const auto v = parse_count(fields[*plan.total], why);
            if (!v) throw Error(Location{name, line, header.names[*plan.total]}, why);
            // A total below the sum of the groups means the columns do not describe
            // one population; say where rather than produce a negative "rest".
            if (*v + 1e-9 * std::max(1.0, *v) < row_sum)
                throw Error(Location{name, line, header.names[*plan.total]},
                            "total " + std::string(trim(fields[*plan.total])) +
                                " is less than the sum of the group columns (" + number_text(row_sum) + ")");
            totals.push_back(*v);
        }
        for (std::size_t k = 0; k < plan.levels.size(); ++k) level_labels[k].emplace_back(trim(fields[plan.levels[k]]));
    } while (reader.next_row(fields));

    std::vector<std::string> group_names;
    for (std::size_t c : plan.groups) group_names.push_back(header.names[c]);
    Table table(std::move(codes).codes(), std::move(group_names));
    for (std::size_t k = 0; k < plan.groups.size(); ++k) {
        auto col = table.column(k);
        std::copy(group_values[k].begin(), group_values[k].end(), col.begin());
    }
    table.set_source(name);
    if (plan.total) table.set_declared_total(header.names[*plan.total], std::move(totals));
    for (std::size_t k : check_sniffed_levels(plan, header, level_labels, lines, options))
        table.add_level(Level{header.names[plan.levels[k]], std::move(level_labels[k])});
    return table;
}

Table load_wide_csv(const std::string& path, const WideCsvOptions& options) {
    const std::string text = read_text_file(path);
    return parse_wide_csv(text, path, options);
}

}  // namespace cohesion
