// cohesion — command-line front end. Argument parsing only; all work is in libcohesion.
#include <cstdio>
#include <iostream>

#include "cli/cli_error_terms.hpp"
#include "cli/command.hpp"
#include "cli/invocation.hpp"
#include "cli/standard_output.hpp"
#include "core/error.hpp"
#include "output/temp_file_registry.hpp"

int main(int argc, char** argv) {
    cohesion::cli::set_invocation(argc, argv);
    cohesion::remove_temp_files_on_signals();
    CLI::App app{
        "cohesion: measure residential segregation and exposure between groups from census count tables.\n"
        "Run `cohesion COMMAND --help` for a command's options; see docs/ for formulas and conventions."};
    cohesion::cli::add_all_commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int status = app.exit(e);  // --help and --version print on stdout and exit 0
        return status == 0 && !cohesion::cli::close_standard_output() ? 1 : status;
    } catch (const cohesion::Error& e) {
        std::cerr << "cohesion: error: " << cohesion::cli::cli_error_text(e) << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "cohesion: error: out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "cohesion: error: " << e.what() << "\n";
        return 1;
    }
    return cohesion::cli::close_standard_output() ? 0 : 1;
}
