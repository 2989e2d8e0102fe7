#pragma once
// Markdown reference of the index registry (docs/indices.md is this, verbatim).
#include <string>

#include "indices/registry.hpp"

namespace cohesion {

std::string index_reference_markdown(const IndexRegistry& registry);

}  // namespace cohesion
