// cohesion — command-line front end. Argument parsing only; all work is in libcohesion.
#include <cstdio>
#include <iostream>

#include "cli/command.hpp"
#include "cli/invocation.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
    cohesion::cli::set_invocation(argc, argv);
    CLI::App app{
        "cohesion: measure residential segregation and exposure between groups from census count tables.\n"
        "Run `cohesion COMMAND --help` for a command's options; see docs/ for formulas and conventions."};
    cohesion::cli::add_all_commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const cohesion::Error& e) {
        std::cerr << "cohesion: error: " << e.what() << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "cohesion: error: out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "cohesion: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
