// libFuzzer target: any bytes given as a GeoJSON boundary file must either load (and
// give contiguity weights) or throw cohesion::Error — never crash or hang. The bytes go
// through GDAL's in-memory file system, exactly the path a real file takes.
#include <cpl_vsi.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "geo/area_layer.hpp"
#include "weights/contiguity.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static int counter = 0;
    const std::string path = "/vsimem/fuzz" + std::to_string(counter++) + ".geojson";
    VSILFILE* file = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), size, FALSE);
    if (!file) return 0;
    VSIFCloseL(file);
    try {
        const cohesion::AreaLayer layer = cohesion::load_area_layer(path);
        (void)cohesion::contiguity_weights(layer);
        (void)cohesion::contiguity_weights(layer, {cohesion::Contiguity::rook, 0.0});
    } catch (const cohesion::Error&) {
    }
    VSIUnlink(path.c_str());
    return 0;
}
