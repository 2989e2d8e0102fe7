#pragma once
// The extension module `_cohesion`: one function per concept adds its part of the
// module. Everything here only converts between Python and libcohesion types and calls
// the library function the CLI calls; the analyses themselves live in the library.
#include <pybind11/pybind11.h>

namespace cohesion::python {

void bind_errors(pybind11::module_& m);     // cohesion::Error -> CohesionError(ValueError)
void bind_tables(pybind11::module_& m);     // Table from arrays / files, table operations
void bind_geo(pybind11::module_& m);        // AreaLayer from WKB / files, Weights, SpatialData
void bind_analyses(pybind11::module_& m);   // every analysis returning result tables
void bind_run(pybind11::module_& m);        // a project file, as `cohesion run`

}  // namespace cohesion::python
