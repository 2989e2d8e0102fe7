#pragma once
// Named access to the two columns of a two-group CountMatrix, so two-group index
// files read like their formulas: x (focal group), y (the rest), t = x + y.
#include <cstddef>

#include "core/count_matrix.hpp"
#include "core/error.hpp"

namespace cohesion {

struct TwoGroupColumns {
    explicit TwoGroupColumns(const CountMatrix& m)
        : units(m.units),
          x(m.cells.data()),
          y(m.cells.data() + m.units),
          t(m.unit_totals.data()),
          X(m.group_totals.at(0)),
          Y(m.group_totals.at(1)),
          T(m.grand_total),
          P(m.group_totals.at(0) / m.grand_total) {
        if (m.groups != 2) throw Error("internal: a two-group index was given " + std::to_string(m.groups) + " groups");
    }
    std::size_t units;
    const double* x;
    const double* y;
    const double* t;
    double X, Y, T;
    double P;  // focal group's overall share X / T
};

}  // namespace cohesion
