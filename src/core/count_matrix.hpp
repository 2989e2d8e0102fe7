#pragma once
// CountMatrix — the read-only units × groups matrix every index computes on.
//
// Built from a Table by one of the views below. It applies the zero-population
// rule once, here, so no index has to: units whose total is 0 are dropped (they
// carry no people, so they cannot change any population-weighted index; keeping
// them would only produce 0/0 shares). `dropped_units` says how many, and
// `unit_rows` maps every kept unit back to its Table row.
//
// Two-group indices read column 0 as the focal group x and column 1 as the rest
// y, with unit total t = x + y. Multigroup indices read all K columns.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cohesion {

class Table;

struct CountMatrix {
    std::size_t units = 0;
    std::size_t groups = 0;
    std::vector<double> cells;          // cells[g * units + i], column-major
    std::vector<double> unit_totals;    // Σ_g cells, per unit
    std::vector<double> group_totals;   // Σ_i cells, per group
    double grand_total = 0.0;
    std::vector<std::string> group_names;
    std::vector<std::size_t> unit_rows;  // Table row of each kept unit
    std::size_t dropped_units = 0;       // zero-population units removed
    std::string description;             // e.g. "Pakistani vs rest (unit total = Persons)"

    std::span<const double> column(std::size_t g) const { return {cells.data() + g * units, units}; }
    double at(std::size_t unit, std::size_t group) const { return cells[group * units + unit]; }

    // Rebuild totals after `cells` changed (e.g. a bootstrap replicate), keeping zero units.
    void recompute_totals();
};

// Build from explicit columns (column-major, units × groups), dropping zero-total units.
CountMatrix make_count_matrix(std::vector<double> cells, std::size_t units, std::vector<std::string> group_names,
                              std::string description = {});

// Focal group vs everybody else in the unit: x = group, y = unit_total − group,
// where unit_total is the declared total (e.g. Persons) when the table has one.
CountMatrix two_group_vs_rest(const Table& table, std::string_view group);

// Group A vs group B only (people in neither are ignored).
CountMatrix two_group_pair(const Table& table, std::string_view group_a, std::string_view group_b);

// All listed groups; the unit total is their sum.
CountMatrix multigroup(const Table& table);

}  // namespace cohesion
