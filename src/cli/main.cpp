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
    app.name("cohesion");
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("cohesion 0.1.0"));
    cohesion::cli::add_info_command(app);
    cohesion::cli::add_indices_command(app);
    cohesion::cli::add_local_command(app);
    cohesion::cli::add_decompose_command(app);
    cohesion::cli::add_compare_command(app);
    cohesion::cli::add_typology_command(app);
    cohesion::cli::add_weights_command(app);
    cohesion::cli::add_spatial_command(app);
    cohesion::cli::add_profile_command(app);
    cohesion::cli::add_harmonise_command(app);
    cohesion::cli::add_change_command(app);
    cohesion::cli::add_hotspots_command(app);
    cohesion::cli::add_enclaves_command(app);
    cohesion::cli::add_emerging_command(app);
    cohesion::cli::add_target_command(app);
    cohesion::cli::add_report_command(app);
    cohesion::cli::add_docs_command(app);
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
