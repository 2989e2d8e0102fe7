#pragma once
// --census, --where and --aggregate: the Census 2021 OA tables a `target` command reads.
#include <CLI/CLI.hpp>

#include "io/census_topics.hpp"

namespace cohesion::cli {

void add_census_options(CLI::App& command, CensusSource& values);

}  // namespace cohesion::cli
