#pragma once
// Library errors in the project file's terms. A Study names the field an error is about
// by the file's own section and key ("table.where", "analyses.hotspots"); the person
// wrote a TOML key on a line, so the error reads
//   project bedford.toml:7: [table] where: expected LEVEL=VALUE (e.g. LAD=Bedford), got 'x'
// and a field the message points to ("choose a coarser level with aggregate") is named as
// the key of the same section. The one table of library field -> key is in the .cpp.
#include <string>

#include "core/error.hpp"
#include "project/project_file.hpp"

namespace cohesion {

// The project-file key of a field ("table.where" stays; "code_field" -> "boundaries.code_field";
// a table key such as "aggregate" in `section`); empty when the file has no key for it.
std::string project_key(const std::string& field, const std::string& section = "table");

// "[table] where" for "table.where".
std::string project_key_label(const std::string& key);

// The error re-worded for someone who wrote project `p`: its file, the key's line and
// "[section] key" when the error is about a field; else "project FILE: " + what().
Error project_error(const Project& p, const Error& e);

}  // namespace cohesion
