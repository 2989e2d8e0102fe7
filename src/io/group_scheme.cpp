#include "io/group_scheme.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "io/csv_reader.hpp"
#include "io/text_file.hpp"

namespace cohesion {

namespace {

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

bool GroupScheme::uses_rest() const {
    return std::any_of(rows.begin(), rows.end(), [](const auto& r) { return r.first == scheme_rest; });
}

GroupScheme load_group_scheme(const std::string& path) {
    std::string text = read_text_file(path);
    // Blank out comment lines (keeping the newlines) so reported line numbers stay true.
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (text[start] == '#')
            std::fill(text.begin() + static_cast<std::ptrdiff_t>(start), text.begin() + static_cast<std::ptrdiff_t>(end), ' ');
        start = end + 1;
    }
    CsvReader reader(text, path);
    std::vector<std::string_view> fields;
    GroupScheme scheme;
    scheme.source = path;
    bool header = true;
    std::set<std::string> seen;
    while (reader.next_row(fields)) {
        if (fields.size() == 1 && trimmed(fields[0]).empty()) continue;
        if (fields.size() != 2)
            throw Error({path, reader.line(), ""},
                        fmt::format("expected 2 fields (source,target), found {}", fields.size()));
        std::string source = trimmed(fields[0]), target = trimmed(fields[1]);
        if (header) {
            header = false;
            if (source == "source" && target == "target") continue;
            throw Error({path, reader.line(), ""}, "expected the header `source,target`");
        }
        if (source.empty() || target.empty())
            throw Error({path, reader.line(), source.empty() ? "source" : "target"}, "expected a group name");
        if (!seen.insert(source).second)
            throw Error({path, reader.line(), "source"}, fmt::format("group '{}' is mapped twice", source));
        if (target != "-" && std::find(scheme.targets.begin(), scheme.targets.end(), target) == scheme.targets.end())
            scheme.targets.push_back(target);
        scheme.rows.emplace_back(std::move(source), std::move(target));
        scheme.lines.push_back(reader.line());
    }
    if (scheme.rows.empty()) throw Error({path, 0, ""}, "the scheme maps no group (expected source,target rows)");
    return scheme;
}

Table apply_group_scheme(const Table& table, const GroupScheme& scheme) {
    Table t = scheme.uses_rest() ? add_residual_group(table, scheme_rest) : table;
    for (std::size_t k = 0; k < scheme.rows.size(); ++k)
        if (!t.find_group(scheme.rows[k].first))
            throw Error({scheme.source, scheme.lines[k], "source"},
                        fmt::format("group '{}' is not in {} (its groups: {})", scheme.rows[k].first, table.source(),
                                    fmt::join(table.group_names(), ", ")));
    std::vector<std::string> unmapped;
    for (std::size_t g = 0; g < t.groups(); ++g) {
        const auto& name = t.group_names()[g];
        const bool mapped = std::any_of(scheme.rows.begin(), scheme.rows.end(), [&](const auto& r) { return r.first == name; });
        if (mapped) continue;
        double people = 0.0;
        for (double v : t.column(g)) people += v;
        unmapped.push_back(fmt::format("'{}' ({:g} people)", name, people));
    }
    if (!unmapped.empty())
        throw Error({scheme.source, 0, ""},
                    fmt::format("{} of {} are not mapped: {}; add a row `GROUP,TARGET` for each, or `GROUP,-` to drop it",
                                unmapped.size() == 1 ? "a group" : std::to_string(unmapped.size()) + " groups",
                                table.source(), fmt::join(unmapped, ", ")));
    for (const auto& target : scheme.targets) {
        std::string sources;
        for (const auto& [s, tg] : scheme.rows)
            if (tg == target) sources += (sources.empty() ? "" : "+") + s;
        // Renaming a group to itself is a no-op; merge_groups handles A=B and A=B+C alike.
        if (sources != target) t = merge_groups(t, target + "=" + sources);
    }
    t = select_groups(t, scheme.targets);
    t.note("group scheme " + scheme.source);
    return t;
}

}  // namespace cohesion
