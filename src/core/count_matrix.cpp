#include "core/count_matrix.hpp"
#include <algorithm>

#include "core/error.hpp"
#include "core/table.hpp"

namespace cohesion {

void CountMatrix::recompute_totals() {
    unit_totals.assign(units, 0.0);
    group_totals.assign(groups, 0.0);
    for (std::size_t g = 0; g < groups; ++g) {
        const double* col = cells.data() + g * units;
        double sum = 0.0;
        for (std::size_t i = 0; i < units; ++i) {
            unit_totals[i] += col[i];
            sum += col[i];
        }
        group_totals[g] = sum;
    }
    grand_total = 0.0;
    for (double v : group_totals) grand_total += v;
}

CountMatrix make_count_matrix(std::vector<double> cells, std::size_t units, std::vector<std::string> group_names,
                              std::string description) {
    const std::size_t groups = group_names.size();
    if (cells.size() != units * groups) throw Error("internal: count matrix size mismatch");
    std::vector<double> totals(units, 0.0);
    for (std::size_t g = 0; g < groups; ++g)
        for (std::size_t i = 0; i < units; ++i) totals[i] += cells[g * units + i];

    CountMatrix m;
    m.groups = groups;
    m.group_names = std::move(group_names);
    m.description = std::move(description);
    for (std::size_t i = 0; i < units; ++i)
        if (totals[i] > 0.0) m.unit_rows.push_back(i);
    m.units = m.unit_rows.size();
    m.dropped_units = units - m.units;
    if (m.units == units) {
        m.cells = std::move(cells);
    } else {
        m.cells.resize(m.units * groups);
        for (std::size_t g = 0; g < groups; ++g)
            for (std::size_t k = 0; k < m.units; ++k) m.cells[g * m.units + k] = cells[g * units + m.unit_rows[k]];
    }
    m.recompute_totals();
    if (m.grand_total <= 0.0)
        throw Error("every area has zero population" + (m.description.empty() ? "" : " for " + m.description) +
                    "; nothing to measure");
    return m;
}

CountMatrix two_group_vs_rest(const Table& table, std::string_view group) {
    const std::size_t g = table.group_index(group);
    const std::size_t n = table.areas();
    const std::vector<double> total = table.unit_total();
    std::vector<double> cells(2 * n);
    const auto x = table.column(g);
    for (std::size_t i = 0; i < n; ++i) {
        const double rest = total[i] - x[i];
        // A declared total below the group count is inconsistent input, not rounding.
        if (rest < -1e-9 * std::max(1.0, total[i]))
            throw Error(Location{table.source(), 0, std::string(group)},
                        "area '" + table.area_codes()[i] + "' has more people in the group than its total (" +
                            std::to_string(x[i]) + " > " + std::to_string(total[i]) + ")");
        cells[i] = x[i];
        cells[n + i] = rest < 0.0 ? 0.0 : rest;
    }
    const std::string total_name = table.has_declared_total() ? table.declared_total_name() : "sum of groups";
    std::string focal(group);
    const double focal_total = [&] {
        double s = 0.0;
        for (double v : x) s += v;
        return s;
    }();
    if (focal_total <= 0.0)
        throw Error(Location{table.source(), 0, focal}, "group has no people in the selected areas");
    return make_count_matrix(std::move(cells), n, {focal, "rest"},
                             focal + " vs rest (unit total = " + total_name + ")");
}

CountMatrix two_group_pair(const Table& table, std::string_view group_a, std::string_view group_b) {
    const std::size_t a = table.group_index(group_a);
    const std::size_t b = table.group_index(group_b);
    if (a == b) throw Error(Location{table.source(), 0, std::string(group_a)}, "a group cannot be compared with itself");
    const std::size_t n = table.areas();
    std::vector<double> cells(2 * n);
    const auto xa = table.column(a);
    const auto xb = table.column(b);
    double sa = 0.0, sb = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        cells[i] = xa[i];
        cells[n + i] = xb[i];
        sa += xa[i];
        sb += xb[i];
    }
    if (sa <= 0.0) throw Error(Location{table.source(), 0, std::string(group_a)}, "group has no people in the selected areas");
    if (sb <= 0.0) throw Error(Location{table.source(), 0, std::string(group_b)}, "group has no people in the selected areas");
    return make_count_matrix(std::move(cells), n, {std::string(group_a), std::string(group_b)},
                             std::string(group_a) + " vs " + std::string(group_b) + " (unit total = their sum)");
}

CountMatrix multigroup(const Table& table) {
    const std::size_t n = table.areas();
    std::vector<double> cells;
    cells.reserve(n * table.groups());
    for (std::size_t g = 0; g < table.groups(); ++g) {
        auto col = table.column(g);
        cells.insert(cells.end(), col.begin(), col.end());
    }
    if (table.groups() < 2) throw Error("multigroup indices need at least two groups");
    return make_count_matrix(std::move(cells), n, table.group_names(),
                             std::to_string(table.groups()) + " groups (unit total = sum of listed groups)");
}

}  // namespace cohesion
