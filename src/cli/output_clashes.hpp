#pragma once
// Refusing outputs that would destroy an input or each other.
//
// Why: an output is written by renaming a finished file over its name, so
// `-o data.csv` on the command's own input replaces the census table with results,
// and the same file given twice (perhaps as `out.csv` and `./x/../out.csv`) leaves
// only whichever was written last. Files are compared by device and inode once
// symbolic links are followed, so different spellings of one file are caught.
#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cohesion::cli {

struct NamedOutput {
    std::string option;  // e.g. "--output", "--html"
    std::string path;
};

// Throws a cohesion::Error if two outputs are the same file, or an output is a regular
// file named by any other option or positional argument of `command` (values of the
// form TITLE=FILE or TITLE=FILE:COLUMN count too). Options listed in `outputs` are
// not inputs.
void refuse_clashing_outputs(const CLI::App& command, const std::vector<NamedOutput>& outputs);

}  // namespace cohesion::cli
