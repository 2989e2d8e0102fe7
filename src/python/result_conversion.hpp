#pragma once
// ResultTable -> a plain dict the Python package turns into a DataFrame:
// {"title", "notes", "columns": [names], "data": [one column each]}. A column of numbers
// (missing cells NaN) becomes a float64 numpy array, a column of whole numbers with no
// missing cell an int64 array, anything else a list of str/None/number — built column by
// column in C++, so no Python code runs per cell.
#include <pybind11/pybind11.h>

#include <vector>

#include "output/result_table.hpp"

namespace cohesion::python {

pybind11::dict to_python(const ResultTable& table);
pybind11::list to_python(const std::vector<ResultTable>& tables);

}  // namespace cohesion::python
