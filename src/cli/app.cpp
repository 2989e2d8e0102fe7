#include "cli/command.hpp"

namespace cohesion::cli {

void add_all_commands(CLI::App& app) {
    app.name("cohesion");
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("cohesion ") + COHESION_VERSION);
    add_info_command(app);
    add_indices_command(app);
    add_local_command(app);
    add_decompose_command(app);
    add_multilevel_command(app);
    add_compare_command(app);
    add_typology_command(app);
    add_weights_command(app);
    add_spatial_command(app);
    add_profile_command(app);
    add_harmonise_command(app);
    add_change_command(app);
    add_hotspots_command(app);
    add_enclaves_command(app);
    add_emerging_command(app);
    add_target_command(app);
    add_project_command(app);
    add_simulate_command(app);
    add_report_command(app);
    add_findings_command(app);
    add_docs_command(app);
    add_run_command(app);
    add_serve_command(app);
    add_atlas_command(app);
}

}  // namespace cohesion::cli
