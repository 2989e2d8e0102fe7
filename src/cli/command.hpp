#pragma once
// Each CLI command lives in its own file and adds itself to the app through one
// of these functions; main.cpp only wires them up and turns errors into exit codes.
#include <CLI/CLI.hpp>

namespace cohesion::cli {

void add_info_command(CLI::App& app);
void add_indices_command(CLI::App& app);
void add_local_command(CLI::App& app);
void add_decompose_command(CLI::App& app);
void add_multilevel_command(CLI::App& app);
void add_compare_command(CLI::App& app);
void add_docs_command(CLI::App& app);
void add_typology_command(CLI::App& app);
void add_weights_command(CLI::App& app);
void add_spatial_command(CLI::App& app);
void add_profile_command(CLI::App& app);
void add_harmonise_command(CLI::App& app);
void add_change_command(CLI::App& app);
void add_hotspots_command(CLI::App& app);
void add_enclaves_command(CLI::App& app);
void add_emerging_command(CLI::App& app);
void add_target_command(CLI::App& app);
void add_project_command(CLI::App& app);
void add_simulate_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_findings_command(CLI::App& app);
void add_run_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_atlas_command(CLI::App& app);

// The whole command-line app: name, version and every command (main, and `run` for
// its in-process steps).
void add_all_commands(CLI::App& app);

}  // namespace cohesion::cli
