#include "core/table_operations.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"
#include "core/message_text.hpp"

namespace cohesion {

namespace {

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// New table with the given rows (in order), carrying groups, total, levels and history.
Table take_rows(const Table& table, const std::vector<std::size_t>& rows) {
    std::vector<std::string> codes;
    codes.reserve(rows.size());
    for (std::size_t r : rows) codes.push_back(table.area_codes()[r]);
    Table out(std::move(codes), table.group_names());
    for (std::size_t g = 0; g < table.groups(); ++g) {
        auto src = table.column(g);
        auto dst = out.column(g);
        for (std::size_t k = 0; k < rows.size(); ++k) dst[k] = src[rows[k]];
    }
    if (table.has_declared_total()) {
        std::vector<double> total;
        total.reserve(rows.size());
        for (std::size_t r : rows) total.push_back(table.declared_total()[r]);
        out.set_declared_total(table.declared_total_name(), std::move(total));
    }
    for (const auto& level : table.levels()) {
        Level copy{level.name, {}};
        copy.labels.reserve(rows.size());
        for (std::size_t r : rows) copy.labels.push_back(level.labels[r]);
        out.add_level(std::move(copy));
    }
    out.set_source(table.source());
    for (const auto& step : table.history()) out.note(step);
    return out;
}

std::vector<std::string> split_plus(std::string_view s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t plus = s.find('+', start);
        const std::size_t end = plus == std::string_view::npos ? s.size() : plus;
        parts.emplace_back(trim_spaces(s.substr(start, end - start)));
        if (plus == std::string_view::npos) break;
        start = plus + 1;
    }
    return parts;
}

}  // namespace

namespace {

char lower_char(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_char(a[i]) != lower_char(b[i])) return false;
    return true;
}

// Rows labelled `value` exactly or, when none is, ignoring case ("bedford" finds "Bedford").
std::vector<std::size_t> rows_labelled(const Level& level, std::string_view value) {
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < level.labels.size(); ++i)
        if (level.labels[i] == value) rows.push_back(i);
    if (rows.empty())
        for (std::size_t i = 0; i < level.labels.size(); ++i)
            if (equal_ignoring_case(level.labels[i], value)) rows.push_back(i);
    return rows;
}

[[noreturn]] void no_area_with(const Table& table, std::string_view level_name, const Level& level,
                               std::string_view value) {
    // Name a few existing values, and the nearest one, so a typo is easy to fix.
    std::vector<std::string> examples;
    std::string nearest;
    std::size_t best = std::string::npos;
    std::unordered_set<std::string_view> seen;
    for (const auto& label : level.labels) {
        if (!seen.insert(label).second) continue;
        if (examples.size() < 5) examples.push_back(label);
        const std::size_t d = edit_distance(label, value);
        if (d < best) best = d, nearest = label;
    }
    std::string list;
    for (const auto& e : examples) list += (list.empty() ? "" : ", ") + e;
    const bool close = best != std::string::npos && best <= std::max<std::size_t>(2, value.size() / 3);
    throw Error(Location{table.source(), 0, std::string(level_name)},
                "no area has " + std::string(level_name) + " = '" + std::string(value) + "' (values look like: " + list +
                    ")" + (close ? "; did you mean '" + nearest + "'?" : ""));
}

}  // namespace

Table filter_areas(const Table& table, std::string_view level_name, std::string_view value) {
    const Level& level = table.level(level_name);
    std::vector<std::size_t> rows = rows_labelled(level, value);
    std::size_t values = 1;
    if (rows.empty() && value.find(',') != std::string_view::npos) {
        // Several values ("Tower Hamlets,Newham"); a whole value holding a comma, such as
        // "Bristol, City of", was tried first. Each part must match some area.
        values = 0;
        std::size_t start = 0;
        while (start <= value.size()) {
            const auto comma = value.find(',', start);
            const std::string_view part =
                trim_spaces(value.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
            if (!part.empty()) {
                const auto found = rows_labelled(level, part);
                if (found.empty()) no_area_with(table, level_name, level, part);
                rows.insert(rows.end(), found.begin(), found.end());
                ++values;
            }
            if (comma == std::string_view::npos) break;
            start = comma + 1;
        }
        std::sort(rows.begin(), rows.end());  // the table's order, whatever the order of the values
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    }
    if (rows.empty()) no_area_with(table, level_name, level, value);
    Table out = take_rows(table, rows);
    out.note("filter " + std::string(level_name) + "=" + std::string(value) + " (" + std::to_string(rows.size()) +
             " of " + std::to_string(table.areas()) + " areas" +
             (values > 1 ? ", " + std::to_string(values) + " values" : "") + ")");
    return out;
}

Table select_areas(const Table& table, const std::vector<std::size_t>& rows) {
    for (std::size_t r : rows)
        if (r >= table.areas()) throw Error("internal: area row out of range");
    Table out = take_rows(table, rows);
    out.note("keep " + std::to_string(rows.size()) + " of " + std::to_string(table.areas()) + " areas");
    return out;
}

Table select_area_codes(const Table& table, const std::vector<std::string>& codes) {
    std::unordered_map<std::string_view, std::size_t> row;
    for (std::size_t i = 0; i < table.areas(); ++i) row.emplace(table.area_codes()[i], i);
    std::vector<std::size_t> rows;
    rows.reserve(codes.size());
    std::vector<std::string> missing;
    for (const auto& code : codes) {
        const auto it = row.find(code);
        if (it != row.end()) rows.push_back(it->second);
        else missing.push_back(code);
    }
    if (!missing.empty()) {
        std::string first;
        for (std::size_t k = 0; k < std::min<std::size_t>(missing.size(), 5); ++k) first += (k ? ", " : "") + missing[k];
        throw Error(Location{table.source(), 0, ""},
                    std::to_string(missing.size()) + " of " + std::to_string(codes.size()) +
                        " areas are missing (e.g. " + first +
                        "); put both tables on the same geography first (cohesion harmonise)");
    }
    return select_areas(table, rows);
}

Table filter_areas(const Table& table, std::string_view where_expression) {
    const auto eq = where_expression.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw Error(Field{"where"},
                    "expected LEVEL=VALUE (e.g. LAD=Bedford), got '" + std::string(where_expression) + "'");
    return filter_areas(table, trim_spaces(where_expression.substr(0, eq)), trim_spaces(where_expression.substr(eq + 1)));
}

Table aggregate(const Table& table, std::string_view level_name) {
    const Level& level = table.level(level_name);
    std::unordered_map<std::string, std::size_t> position;
    std::vector<std::string> codes;
    std::vector<std::size_t> parent(table.areas());
    for (std::size_t i = 0; i < table.areas(); ++i) {
        auto [it, inserted] = position.try_emplace(level.labels[i], codes.size());
        if (inserted) codes.push_back(level.labels[i]);
        parent[i] = it->second;
    }
    const std::size_t n = codes.size();
    Table out(codes, table.group_names());
    for (std::size_t g = 0; g < table.groups(); ++g) {
        auto src = table.column(g);
        auto dst = out.column(g);
        for (std::size_t i = 0; i < table.areas(); ++i) dst[parent[i]] += src[i];
    }
    if (table.has_declared_total()) {
        std::vector<double> total(n, 0.0);
        for (std::size_t i = 0; i < table.areas(); ++i) total[parent[i]] += table.declared_total()[i];
        out.set_declared_total(table.declared_total_name(), std::move(total));
    }
    // Keep a level only if it is constant within every new unit (i.e. coarser).
    for (const auto& other : table.levels()) {
        if (other.name == level.name) continue;
        std::vector<const std::string*> label(n, nullptr);
        bool nests = true;
        for (std::size_t i = 0; i < table.areas() && nests; ++i) {
            const std::string*& seen = label[parent[i]];
            if (!seen) seen = &other.labels[i];
            else if (*seen != other.labels[i]) nests = false;
        }
        if (!nests) continue;
        Level coarse{other.name, {}};
        coarse.labels.reserve(n);
        for (auto* l : label) coarse.labels.push_back(*l);
        out.add_level(std::move(coarse));
    }
    out.set_source(table.source());
    for (const auto& step : table.history()) out.note(step);
    out.note("aggregate to " + std::string(level_name) + " (" + std::to_string(n) + " units)");
    return out;
}

Table merge_groups(const Table& table, std::string_view merge_expression) {
    const auto eq = merge_expression.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 >= merge_expression.size())
        throw Error(Field{"merge"},
                    "expected NAME=A+B+... (e.g. SouthAsian=Indian+Pakistani+Bangladeshi), got '" +
                        std::string(merge_expression) + "'");
    const std::string name(trim_spaces(merge_expression.substr(0, eq)));
    const auto parts = split_plus(merge_expression.substr(eq + 1));
    std::vector<std::size_t> members;
    for (const auto& part : parts) {
        if (part.empty()) throw Error(Field{"merge"}, "empty group name in '" + std::string(merge_expression) + "'");
        const std::size_t g = table.group_index(part, "merge");
        if (std::find(members.begin(), members.end(), g) != members.end())
            throw Error(Field{"merge"}, "group '" + part + "' is listed twice");
        members.push_back(g);
    }
    const std::size_t first = *std::min_element(members.begin(), members.end());
    std::vector<std::string> names;
    std::vector<std::size_t> sources;  // source group per output group; SIZE_MAX = the merged one
    for (std::size_t g = 0; g < table.groups(); ++g) {
        if (g == first) {
            names.push_back(name);
            sources.push_back(SIZE_MAX);
        } else if (std::find(members.begin(), members.end(), g) == members.end()) {
            if (table.group_names()[g] == name)
                throw Error(Field{"merge"}, "group '" + name + "' already exists and is not merged");
            names.push_back(table.group_names()[g]);
            sources.push_back(g);
        }
    }
    Table out(table.area_codes(), names);
    for (std::size_t k = 0; k < sources.size(); ++k) {
        auto dst = out.column(k);
        if (sources[k] == SIZE_MAX) {
            for (std::size_t g : members) {
                auto src = table.column(g);
                for (std::size_t i = 0; i < table.areas(); ++i) dst[i] += src[i];
            }
        } else {
            auto src = table.column(sources[k]);
            std::copy(src.begin(), src.end(), dst.begin());
        }
    }
    if (table.has_declared_total())
        out.set_declared_total(table.declared_total_name(),
                               {table.declared_total().begin(), table.declared_total().end()});
    for (const auto& level : table.levels()) out.add_level(level);
    out.set_source(table.source());
    for (const auto& step : table.history()) out.note(step);
    out.note("merge " + std::string(merge_expression));
    return out;
}

Table select_groups(const Table& table, const std::vector<std::string>& groups) {
    if (groups.empty()) throw Error(Field{"groups"}, "no groups selected");
    std::vector<std::size_t> indices;
    for (const auto& name : groups) {
        const std::size_t g = table.group_index(name, "groups");
        if (std::find(indices.begin(), indices.end(), g) != indices.end())
            throw Error(Field{"groups"}, "group '" + name + "' is listed twice");
        indices.push_back(g);
    }
    Table out(table.area_codes(), groups);
    for (std::size_t k = 0; k < indices.size(); ++k) {
        auto src = table.column(indices[k]);
        std::copy(src.begin(), src.end(), out.column(k).begin());
    }
    // Without a declared total, "rest" for two-group indices would shrink to the
    // selected groups; keep the original sum as the total so it keeps meaning everyone.
    if (table.has_declared_total())
        out.set_declared_total(table.declared_total_name(),
                               {table.declared_total().begin(), table.declared_total().end()});
    else
        out.set_declared_total("sum of all groups", table.group_sum());
    for (const auto& level : table.levels()) out.add_level(level);
    out.set_source(table.source());
    for (const auto& step : table.history()) out.note(step);
    std::string list;
    for (const auto& g : groups) list += (list.empty() ? "" : ",") + g;
    out.note("select groups " + list);
    return out;
}

Table add_residual_group(const Table& table, std::string_view name) {
    if (!table.has_declared_total())
        throw Error(Location{table.source(), 0, {}}, Field{"residual"},
                    "the table has no total column, so there is no residual (total - sum of groups) to add");
    const auto sum = table.group_sum();
    const auto total = table.declared_total();
    std::vector<double> residual(table.areas());
    for (std::size_t i = 0; i < residual.size(); ++i) residual[i] = std::max(0.0, total[i] - sum[i]);
    Table out = table;
    out.add_group(std::string(name), std::move(residual));
    out.note("residual group " + std::string(name) + " = " + table.declared_total_name() + " - sum of groups");
    return out;
}

}  // namespace cohesion
