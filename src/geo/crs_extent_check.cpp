#include "geo/crs_extent_check.hpp"

#include <fmt/format.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cstring>

#include "core/error.hpp"

namespace cohesion {

namespace {

std::string crs_label(const OGRSpatialReference& crs) {
    const char* authority = crs.GetAuthorityName(nullptr);
    const char* code = crs.GetAuthorityCode(nullptr);
    const char* name = crs.GetName();
    std::string label = name ? name : "a projected CRS";
    if (authority && code) label += fmt::format(" ({}:{})", authority, code);
    return label;
}

bool is_british_national_grid(const OGRSpatialReference& crs) {
    const char* authority = crs.GetAuthorityName(nullptr);
    const char* code = crs.GetAuthorityCode(nullptr);
    return authority && code && std::strcmp(authority, "EPSG") == 0 && std::strcmp(code, "27700") == 0;
}

std::string extent_text(const Extent& e) {
    return fmt::format("x {:g} .. {:g}, y {:g} .. {:g}", e.min_x, e.max_x, e.min_y, e.max_y);
}

}  // namespace

void check_extent_fits_crs(const Extent& e, const OGRSpatialReference& crs, const std::string& source,
                           const std::string& layer) {
    if (!crs.IsProjected()) return;  // geographic extents are checked per feature (±180 / ±90)
    const bool within_degrees = e.min_x >= -180.0 && e.max_x <= 180.0 && e.min_y >= -90.0 && e.max_y <= 90.0;
    const double span = std::max(e.max_x - e.min_x, e.max_y - e.min_y);
    if (within_degrees && span < 10.0)
        throw Error(Location{source, 0, {}},
                    fmt::format("layer '{}' declares {}, a projected CRS in {}, but all its coordinates ({}) lie within "
                                "±180/±90 and span under 10 units: they look like longitude/latitude degrees. Declare "
                                "EPSG:4326 (or the CRS the coordinates were really made in) in the file",
                                layer, crs_label(crs), crs.GetAttrValue("UNIT") ? crs.GetAttrValue("UNIT") : "linear units",
                                extent_text(e)));
    if (is_british_national_grid(crs) &&
        (e.min_x < 0.0 || e.max_x > 700000.0 || e.min_y < 0.0 || e.max_y > 1300000.0))
        throw Error(Location{source, 0, {}},
                    fmt::format("layer '{}' declares British National Grid (EPSG:27700), but its extent ({}) is outside "
                                "the grid's 0 .. 700000 E, 0 .. 1300000 N; the coordinates are in another CRS (declare "
                                "it in the file) or corrupt",
                                layer, extent_text(e)));
}

}  // namespace cohesion
