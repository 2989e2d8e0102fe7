// cohesion.run(PROJECT, OUT): a whole study from a project file. `cohesion run` runs each
// analysis as the in-process command a user would type (src/cli/run_command.cpp), so the
// package runs that same command line in-process rather than re-implementing the plan:
// the outputs are byte-for-byte the CLI's.
#include <pybind11/stl.h>

#include <CLI/CLI.hpp>

#include "cli/cli_error_terms.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "python/bindings.hpp"

namespace py = pybind11;

namespace cohesion::python {

void bind_run(py::module_& m) {
    m.def(
        "run_command",
        [](std::vector<std::string> args) {
            py::gil_scoped_release release;
            CLI::App app{"cohesion"};
            cli::add_all_commands(app);
            std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses a reversed vector
            try {
                app.parse(reversed);
            } catch (const CLI::ParseError& e) {
                throw Error(std::string("cohesion ") + (args.empty() ? "" : args.front()) + ": " + e.what());
            } catch (const Error& e) {
                if (e.field().empty()) throw;
                throw Error(cli::cli_error_text(e));  // the caller wrote options: name them
            }
        },
        py::arg("args"), "Run one `cohesion` command line in-process (e.g. ['run', 'project.toml', '--output', 'out'])");
}

}  // namespace cohesion::python
