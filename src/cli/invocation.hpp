#pragma once
// The command line this run was started with, recorded in reports for provenance.
#include <string>

namespace cohesion::cli {

void set_invocation(int argc, char** argv);
const std::string& invocation();
std::string utc_timestamp();  // e.g. 2026-11-25T10:00:00Z

}  // namespace cohesion::cli
