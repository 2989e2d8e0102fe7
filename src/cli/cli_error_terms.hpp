#pragma once
// Library errors in the command line's terms. The library names the field a value came
// from ("index", "where", "table.where"); the user typed a flag (`--index`, `--where`),
// so the one table in cli_error_terms.cpp turns each field id into its flag, and an
// error prints as "option '--where': expected LEVEL=VALUE ...".
#include <string>

#include "core/error.hpp"

namespace cohesion::cli {

// The flag a field is given with ("index" -> "--index"; a project section's key such as
// "table.where" by its last part); empty when no flag sets it.
std::string cli_flag(const std::string& field);

// The error as the command line prints it (after "cohesion: error: ").
std::string cli_error_text(const Error& e);

}  // namespace cohesion::cli
