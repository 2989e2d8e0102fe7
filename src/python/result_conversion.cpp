#include "python/result_conversion.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>

namespace py = pybind11;

namespace cohesion::python {

namespace {

py::object column_to_python(const ResultTable& table, std::size_t c) {
    bool numbers = true, integers = true;
    for (const auto& row : table.rows) {
        const Cell& cell = c < row.size() ? row[c] : Cell{};
        if (std::holds_alternative<std::string>(cell)) numbers = integers = false;
        if (!std::holds_alternative<std::int64_t>(cell)) integers = false;
    }
    const std::size_t n = table.rows.size();
    if (integers && n > 0) {
        py::array_t<std::int64_t> out(static_cast<py::ssize_t>(n));
        auto v = out.mutable_unchecked<1>();
        for (std::size_t i = 0; i < n; ++i) v(static_cast<py::ssize_t>(i)) = std::get<std::int64_t>(table.rows[i][c]);
        return out;
    }
    if (numbers) {
        py::array_t<double> out(static_cast<py::ssize_t>(n));
        auto v = out.mutable_unchecked<1>();
        for (std::size_t i = 0; i < n; ++i)
            v(static_cast<py::ssize_t>(i)) = c < table.rows[i].size() ? cell_number(table.rows[i][c]) : std::nan("");
        return out;
    }
    py::list out(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& cell = c < table.rows[i].size() ? table.rows[i][c] : Cell{};
        py::object value = py::none();
        if (const auto* s = std::get_if<std::string>(&cell)) value = py::str(*s);
        else if (const auto* d = std::get_if<double>(&cell)) value = py::float_(*d);
        else if (const auto* k = std::get_if<std::int64_t>(&cell)) value = py::int_(*k);
        out[i] = value;
    }
    return out;
}

}  // namespace

py::dict to_python(const ResultTable& table) {
    py::dict out;
    out["title"] = table.title;
    out["notes"] = table.notes;
    out["columns"] = table.columns;
    py::list data;
    for (std::size_t c = 0; c < table.columns.size(); ++c) data.append(column_to_python(table, c));
    out["data"] = data;
    return out;
}

py::list to_python(const std::vector<ResultTable>& tables) {
    py::list out;
    for (const auto& t : tables) out.append(to_python(t));
    return out;
}

}  // namespace cohesion::python
