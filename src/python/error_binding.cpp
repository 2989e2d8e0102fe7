// Library errors become one Python exception type, CohesionError, a ValueError (bad
// input is what they report) whose message is the CLI's "file:line: column 'X': ..."
// line, with the location also as attributes. Cancelled (a progress callback raised)
// is turned back into the Python exception by compute_scope, not here.
#include <pybind11/pybind11.h>

#include "core/error.hpp"
#include "python/bindings.hpp"

namespace py = pybind11;

namespace cohesion::python {

void bind_errors(py::module_& m) {
    static py::handle error_type = py::exception<Error>(m, "CohesionError", PyExc_ValueError).release();
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const Error& e) {
            py::object error = error_type(e.what());
            error.attr("file") = e.where().file;
            error.attr("line") = e.where().line;
            error.attr("column") = e.where().column;
            error.attr("field") = e.field();  // the request field it is about ("group"), or ""
            error.attr("reason") = e.message();
            PyErr_SetObject(error_type.ptr(), error.ptr());
        }
    });
}

}  // namespace cohesion::python
