#include "change/lookup_harmonisation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "io/csv_columns.hpp"
#include "io/text_file.hpp"

namespace cohesion {

GeographyLookup load_lookup(const std::string& path, const LookupOptions& o) {
    const std::string text = read_text_file(path);
    CsvReader reader(text, path);
    const CsvHeader header = CsvHeader::read(reader);
    if (o.from_column.empty() || o.to_column.empty())
        throw Error(Location{path, 1, {}}, "name the lookup's source and target code columns (" + field_ref("from_column") + ", " +
                                               field_ref("to_column") + ")");
    const std::size_t from = header.require(o.from_column, "source code");
    const std::size_t to = header.require(o.to_column, "target code");
    constexpr std::size_t no_column = static_cast<std::size_t>(-1);
    const std::size_t change = o.change_column.empty() ? no_column : header.require(o.change_column, "change code");
    std::vector<std::size_t> level_index;
    GeographyLookup lookup;
    lookup.source = path;
    for (const auto& name : o.level_columns) {
        level_index.push_back(header.require(name, "level"));
        lookup.levels.push_back({name, {}});
    }
    std::vector<std::string_view> fields;
    while (reader.next_row(fields)) {
        require_field_count(reader, fields, header.names.size());
        const auto f = trim(fields[from]), t = trim(fields[to]);
        if (f.empty() || t.empty())
            throw Error(Location{path, reader.line(), header.names[f.empty() ? from : to]}, "empty area code in the lookup");
        lookup.from.emplace_back(f);
        lookup.to.emplace_back(t);
        lookup.change.emplace_back(change != no_column ? std::string(trim(fields[change])) : std::string("-"));
        for (std::size_t k = 0; k < level_index.size(); ++k) lookup.levels[k].second.emplace_back(trim(fields[level_index[k]]));
    }
    if (lookup.from.empty()) throw Error(Location{path, 2, {}}, "the lookup has no rows");
    return lookup;
}

std::vector<std::string> HarmonisationReport::lines() const {
    std::vector<std::string> out;
    std::string paths;
    for (const auto& [code, n] : source_areas_by_change) paths += fmt::format("{}{}: {}", paths.empty() ? "" : ", ", code, n);
    out.push_back(fmt::format("harmonised {} source areas into {} target areas (source areas by change code: {})",
                              source_areas, target_areas, paths));
    if (equal_splits) out.push_back(fmt::format("{} source areas were split equally (no target weights)", equal_splits));
    if (unmatched_areas)
        out.push_back(fmt::format("warning: {} areas ({:g} people) are not in the lookup and were dropped (e.g. {})",
                                  unmatched_areas, unmatched_people, fmt::join(unmatched_examples, ", ")));
    return out;
}

Harmonised harmonise(const Table& table, const GeographyLookup& lookup,
                     const std::unordered_map<std::string, double>* target_weights, bool allow_unmatched,
                     const HarmoniseProgress& progress) {
    // Lookup rows of each source code.
    std::unordered_map<std::string_view, std::vector<std::size_t>> rows_of;
    for (std::size_t r = 0; r < lookup.from.size(); ++r) rows_of[lookup.from[r]].push_back(r);

    Harmonised out;
    auto& report = out.report;
    std::vector<std::string> targets;
    std::unordered_map<std::string_view, std::size_t> target_position;
    struct Share { std::size_t target; double weight; };
    std::vector<std::vector<Share>> shares(table.areas());
    std::map<std::string, std::size_t> by_change;
    const auto totals = table.unit_total();
    const auto apportioned = [&](std::size_t i) {
        if (progress) progress(i + 1, table.areas());
    };
    for (std::size_t i = 0; i < table.areas(); ++i) {
        const auto it = rows_of.find(table.area_codes()[i]);
        if (it == rows_of.end()) {
            ++report.unmatched_areas;
            report.unmatched_people += totals[i];
            if (report.unmatched_examples.size() < 5) report.unmatched_examples.push_back(table.area_codes()[i]);
            apportioned(i);
            continue;
        }
        ++by_change[lookup.change[it->second.front()]];
        double sum = 0.0;
        std::vector<double> w;
        for (std::size_t r : it->second) {
            double v = 1.0;
            if (target_weights) {
                const auto tw = target_weights->find(lookup.to[r]);
                v = tw == target_weights->end() ? 0.0 : tw->second;
            }
            w.push_back(v);
            sum += v;
        }
        if (!(sum > 0.0)) {  // no usable weights for any successor: split equally
            std::fill(w.begin(), w.end(), 1.0);
            sum = static_cast<double>(w.size());
            if (w.size() > 1) ++report.equal_splits;
        }
        for (std::size_t k = 0; k < it->second.size(); ++k) {
            const std::size_t r = it->second[k];
            auto [pos, inserted] = target_position.try_emplace(lookup.to[r], targets.size());
            if (inserted) targets.push_back(lookup.to[r]);
            shares[i].push_back({pos->second, w[k] / sum});
        }
        apportioned(i);
    }
    if (report.unmatched_areas && !allow_unmatched)
        throw Error(Location{lookup.source, 0, {}},
                    fmt::format("{} areas of {} ({:g} people) are not in the lookup (e.g. {}); check the geography or "
                                "pass {} to drop them",
                                report.unmatched_areas, table.source(), report.unmatched_people,
                                fmt::join(report.unmatched_examples, ", "), field_ref("allow_unmatched")));
    if (targets.empty()) throw Error(Location{lookup.source, 0, {}}, "no area of the table is in the lookup");

    Table result(targets, table.group_names());
    for (std::size_t g = 0; g < table.groups(); ++g) {
        const auto src = table.column(g);
        auto dst = result.column(g);
        for (std::size_t i = 0; i < table.areas(); ++i)
            for (const auto& s : shares[i]) dst[s.target] += s.weight * src[i];
    }
    if (table.has_declared_total()) {
        std::vector<double> total(targets.size(), 0.0);
        for (std::size_t i = 0; i < table.areas(); ++i)
            for (const auto& s : shares[i]) total[s.target] += s.weight * table.declared_total()[i];
        result.set_declared_total(table.declared_total_name(), std::move(total));
    }
    // Levels from the lookup, by target code (first row wins).
    for (const auto& [name, values] : lookup.levels) {
        std::vector<std::string> labels(targets.size());
        std::vector<char> set(targets.size(), 0);
        for (std::size_t r = 0; r < lookup.to.size(); ++r) {
            const auto pos = target_position.find(lookup.to[r]);
            if (pos != target_position.end() && !set[pos->second]) {
                labels[pos->second] = values[r];
                set[pos->second] = 1;
            }
        }
        result.add_level(Level{name, std::move(labels)});
    }
    result.set_source(table.source());
    for (const auto& step : table.history()) result.note(step);
    report.source_areas = table.areas() - report.unmatched_areas;
    report.target_areas = targets.size();
    report.source_areas_by_change.assign(by_change.begin(), by_change.end());
    result.note("harmonised through " + lookup.source);
    out.table = std::move(result);
    return out;
}

}  // namespace cohesion
