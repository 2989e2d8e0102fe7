#pragma once
// Reading only some areas of a large layer: the features whose code is listed (e.g. one
// town's 103 LSOAs out of the 34,753 of England and Wales) are read as load_area_layer reads
// every feature; the others are skipped before any geometry is copied, repaired or
// projected, so a town costs its own polygons only (the server's towns built on demand).
#include <string>
#include <vector>

#include "geo/area_layer.hpp"

namespace cohesion {

// Codes not in the layer are simply absent from the result (joins report them); an empty
// list, or none found, is an Error.
AreaLayer load_area_layer_codes(const std::string& source, const std::vector<std::string>& codes,
                                const AreaLayerOptions& options = {});

}  // namespace cohesion
