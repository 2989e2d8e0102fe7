#include "python/compute_scope.hpp"

#include "core/error.hpp"

namespace py = pybind11;

namespace cohesion::python {

ComputeScope::ComputeScope(int threads, py::object progress) : threads_(threads), callback_(std::move(progress)) {
    if (threads < 0) throw Error(Location{"", 0, "threads"}, "expected 0 (all cores) or a positive number of threads");
}

std::function<void(std::size_t, std::size_t)> ComputeScope::progress() {
    if (callback_.is_none()) return {};
    return [this](std::size_t done, std::size_t total) {
        py::gil_scoped_acquire acquire;
        if (python_error_) return;
        try {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            callback_(done, total);
        } catch (py::error_already_set& e) {
            python_error_.emplace(std::move(e));
            stop_.request_stop();
        }
    };
}

void ComputeScope::rethrow_python_error() {
    if (!python_error_) return;
    py::error_already_set error = std::move(*python_error_);
    python_error_.reset();
    throw error;
}

}  // namespace cohesion::python
