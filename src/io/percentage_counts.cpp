#include "io/percentage_counts.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "core/error.hpp"

namespace cohesion {

namespace {

std::vector<double> total_values(const Table& totals, const std::string& column) {
    if (totals.has_declared_total() && totals.declared_total_name() == column) {
        const auto t = totals.declared_total();
        return {t.begin(), t.end()};
    }
    if (!totals.find_group(column))
        throw Error(Location{totals.source(), 1, column},
                    "no column '" + column + "' of area totals (choose one with " + field_ref("percent_total") + ")");
    const auto c = totals.column(totals.group_index(column));
    return {c.begin(), c.end()};
}

bool all_end_in_pct(const std::vector<std::string>& names) {
    for (const auto& n : names)
        if (n.size() <= 4 || n.compare(n.size() - 4, 4, "_pct") != 0) return false;
    return !names.empty();
}

}  // namespace

Table counts_from_percentages(const Table& pct, const Table& totals, const std::string& total_column) {
    const std::vector<double> total_of = total_values(totals, total_column);
    std::unordered_map<std::string_view, std::size_t> row;
    for (std::size_t j = 0; j < totals.areas(); ++j) row.emplace(totals.area_codes()[j], j);

    std::vector<std::string> names = pct.group_names();
    if (all_end_in_pct(names))
        for (auto& n : names) n.resize(n.size() - 4);
    const std::size_t n = pct.areas(), K = pct.groups();
    std::vector<double> total(n);
    std::size_t missing = 0;
    std::string first_missing;
    for (std::size_t i = 0; i < n; ++i) {
        const auto it = row.find(pct.area_codes()[i]);
        if (it == row.end()) {
            if (missing++ == 0) first_missing = pct.area_codes()[i];
            continue;
        }
        total[i] = total_of[it->second];
    }
    if (missing)
        throw Error(Location{totals.source(), 0, total_column},
                    fmt::format("{} of {} areas of {} have no total here (e.g. {})", missing, n, pct.source(),
                                first_missing));

    const auto sums = pct.group_sum();
    Table out(pct.area_codes(), {});
    for (const auto& level : pct.levels()) out.add_level(level);
    for (std::size_t g = 0; g < K; ++g) {
        const auto column = pct.column(g);
        std::vector<double> counts(n);
        for (std::size_t i = 0; i < n; ++i) {
            if (column[i] > 100.0 + 1e-9)
                throw Error(Location{pct.source(), 0, pct.group_names()[g]},
                            fmt::format("area {}: {:g} is not a percentage (expected 0 to 100)", pct.area_codes()[i],
                                        column[i]));
            if (sums[i] > 0) counts[i] = total[i] * column[i] / sums[i];
            else if (total[i] > 0)
                throw Error(Location{pct.source(), 0, ""},
                            fmt::format("area {} has {:g} people but every percentage is 0", pct.area_codes()[i],
                                        total[i]));
        }
        out.add_group(names[g], std::move(counts));
    }
    out.set_declared_total(total_column, total);
    out.set_source(pct.source());
    for (const auto& h : pct.history()) out.note(h);
    out.note(fmt::format("estimated counts: percentages x {} ({}) / each area's percentage sum; fractional estimates",
                         total_column, totals.source()));
    return out;
}

}  // namespace cohesion
