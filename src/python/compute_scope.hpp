#pragma once
// How every long computation is called from Python: with the GIL released (other Python
// threads run meanwhile), at most `threads` TBB workers (tbb::global_control; 0 = TBB's
// default, all cores), and an optional Python progress callback(done, total). The
// callback runs with the GIL re-acquired; if it raises (or Ctrl-C arrives) the
// computation is cancelled through its stop token and the Python exception propagates.
#include <pybind11/pybind11.h>

#include <tbb/global_control.h>

#include <exception>
#include <functional>
#include <optional>
#include <stop_token>
#include <type_traits>

namespace cohesion::python {

class ComputeScope {
public:
    explicit ComputeScope(int threads, pybind11::object progress = pybind11::none());

    // For the library's progress hooks; empty when no callback was given.
    std::function<void(std::size_t, std::size_t)> progress();
    std::stop_token stop() const { return stop_.get_token(); }

    template <class F>
    auto run(F&& f) -> std::invoke_result_t<F> {
        std::exception_ptr failure;
        std::optional<std::invoke_result_t<F>> result;
        {
            pybind11::gil_scoped_release release;
            std::optional<tbb::global_control> limit;
            if (threads_ > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads_));
            try {
                result.emplace(f());
            } catch (...) {
                failure = std::current_exception();
            }
        }
        rethrow_python_error();
        if (failure) std::rethrow_exception(failure);
        return std::move(*result);
    }

private:
    void rethrow_python_error();

    int threads_;
    pybind11::object callback_;
    std::stop_source stop_;
    std::optional<pybind11::error_already_set> python_error_;
};

}  // namespace cohesion::python
