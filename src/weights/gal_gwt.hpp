#pragma once
// GeoDa's weights files, so results can be cross-checked in GeoDa or pysal:
//   GAL (binary):   "n" then, per area, "id k" and a line with its k neighbour ids
//   GWT (weighted): "0 n source id-field" then one "id neighbour weight" line per link
// Ids are area codes. Reading matches ids to `order` (the areas of the analysis).
#include <string>
#include <vector>

#include "weights/weights.hpp"

namespace cohesion {

void write_gal(const Weights& w, const std::string& path);
void write_gwt(const Weights& w, const std::string& path, const std::string& source_name = "cohesion");
Weights read_gal(const std::string& path, const std::vector<std::string>& order);
Weights read_gwt(const std::string& path, const std::vector<std::string>& order);
// By extension (.gal or .gwt).
Weights read_weights_file(const std::string& path, const std::vector<std::string>& order);

}  // namespace cohesion
