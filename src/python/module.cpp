// The `_cohesion` extension: the compiled half of the `cohesion` Python package
// (python/cohesion/), which turns its results into pandas DataFrames.
#include "python/bindings.hpp"

PYBIND11_MODULE(_cohesion, m) {
    m.doc() = "libcohesion bindings (use the `cohesion` package, not this module)";
    m.attr("__version__") = COHESION_VERSION;
    cohesion::python::bind_errors(m);
    cohesion::python::bind_tables(m);
    cohesion::python::bind_geo(m);
    cohesion::python::bind_analyses(m);
    cohesion::python::bind_run(m);
}
