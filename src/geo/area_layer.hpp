#pragma once
// AreaLayer — the polygons of a set of areas, read with GDAL/OGR from any vector
// source (GeoJSON, GeoPackage, Shapefile, PostGIS "PG:..." connection string), with
// per-area measures in a projected CRS.
//
// Two coordinate sets are kept on purpose: the raw ring vertices exactly as stored
// (contiguity is decided by exact vertex/edge equality, as pysal/libpysal do, and any
// reprojection could make shared vertices differ in the last bit) and the projected
// geometry used for areas, perimeters, centroids and distances.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <ogr_geometry.h>

class OGRFeatureDefn;
class OGRSpatialReference;
struct OGREnvelope;

namespace cohesion {

struct AreaLayerOptions {
    std::string layer;       // layer name; empty = the first layer
    std::string code_field;  // empty = auto-detect (a field ending in "CD", or code/id)
    std::string target_crs;  // empty = EPSG:27700 inside Great Britain, else the UTM zone of the centre
};

struct Ring {
    std::vector<double> x, y;  // raw coordinates, closed (first == last)
};

struct AreaLayer {
    std::string source;
    std::string code_field;
    std::string crs;                         // projected CRS of the measures, e.g. "EPSG:27700"
    std::vector<std::string> codes;
    std::vector<std::vector<Ring>> rings;    // raw rings per area (all polygon parts, holes included)
    std::vector<std::unique_ptr<OGRGeometry>> geometry;  // projected (multi)polygons
    std::vector<double> area_km2, perimeter_m;
    std::vector<double> centroid_x, centroid_y;  // projected, metres
    std::vector<std::string> repaired;       // codes whose invalid polygon was repaired with MakeValid
    std::vector<std::string> warnings;

    std::size_t size() const { return codes.size(); }
};

// The field holding the area codes: `wanted` if given (an error naming the fields if
// absent), else the first field ending in "CD" that is not a LAD/RGN/UTLA code (ONS
// layers: LSOA21CD ...), else one named code, id, "geography code" or ..._code.
std::string area_code_field(OGRFeatureDefn* defn, const std::string& wanted, const std::string& source);

AreaLayer load_area_layer(const std::string& source, const AreaLayerOptions& options = {});
// How many layers this process has loaded (load_area_layer calls), for `cohesion run`'s record.
std::uint64_t area_layers_loaded();
// The steps every reader shares, so a layer read by GDAL and one built from WKB (the
// Python package, geo/wkb_layer.hpp) are checked, projected and measured identically:
// the source CRS (a layer without one is taken as longitude/latitude when its extent
// allows, with a warning) ...
std::unique_ptr<OGRSpatialReference> layer_source_crs(const OGRSpatialReference* declared, const OGREnvelope& extent,
                                                      AreaLayer& layer);
// ... one feature checked (code, empty/implausible/non-areal geometry) and appended with its raw rings ...
void append_area(AreaLayer& layer, std::string code, std::unique_ptr<OGRGeometry> geometry,
                 const OGRSpatialReference& source_crs, std::size_t feature_number);
// ... then unique codes, the projected CRS (`target_crs`, or British National Grid / UTM
// from the extent) and the measures (MakeValid repairs, area, perimeter, centroid).
void project_area_layer(AreaLayer& layer, const OGRSpatialReference& source_crs, const std::string& target_crs);

// The given features only, in that order (e.g. a town's areas out of a national layer,
// so its maps show the town).
AreaLayer subset_layer(const AreaLayer& layer, const std::vector<std::size_t>& features);

}  // namespace cohesion
