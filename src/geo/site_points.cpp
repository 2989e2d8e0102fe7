#include "geo/site_points.hpp"

#include <fmt/format.h>
#include <ogr_api.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <initializer_list>
#include <memory>
#include <string_view>

#include "core/error.hpp"
#include "geo/coordinate_transformation.hpp"
#include "io/csv_columns.hpp"
#include "io/text_file.hpp"

namespace cohesion {

namespace {

struct Transforms {
    OGRSpatialReference wgs84, projected;
    std::unique_ptr<OGRCoordinateTransformation> to_projected, to_lonlat;

    explicit Transforms(const AreaLayer& layer) {
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (projected.SetFromUserInput(layer.crs.c_str()) != OGRERR_NONE)
            throw Error("cannot read the layer's CRS " + layer.crs);
        projected.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        to_projected = make_transformation(wgs84, projected);
        to_lonlat = make_transformation(projected, wgs84);
        if (!to_projected || !to_lonlat) throw Error("cannot transform between WGS 84 and " + layer.crs);
    }
};

}  // namespace

std::vector<NamedSite> area_points_on_surface(const AreaLayer& layer) {
    Transforms t(layer);
    std::vector<NamedSite> sites(layer.size());
    for (std::size_t k = 0; k < layer.size(); ++k) {
        OGRGeometryH pos = OGR_G_PointOnSurface(OGRGeometry::ToHandle(layer.geometry[k].get()));
        if (!pos) throw Error(Location{layer.source, k + 1, layer.code_field}, "area " + layer.codes[k] + " has no interior point");
        sites[k].name = layer.codes[k];
        sites[k].point = {OGR_G_GetX(pos, 0), OGR_G_GetY(pos, 0)};
        OGR_G_DestroyGeometry(pos);
        double x = sites[k].point.x, y = sites[k].point.y;
        if (t.to_lonlat->Transform(1, &x, &y)) sites[k].lon = x, sites[k].lat = y;
    }
    return sites;
}

namespace {

// Inside one of the `study` features (every feature when null).
bool inside_any(const AreaLayer& layer, const std::vector<std::size_t>* study, double x, double y) {
    OGRPoint p(x, y);
    if (!study) {
        for (const auto& g : layer.geometry)
            if (g->Contains(&p)) return true;
        return false;
    }
    for (std::size_t k : *study)
        if (layer.geometry[k]->Contains(&p)) return true;
    return false;
}

// Point features of any OGR source (GeoPackage, GeoJSON, Shapefile, PostGIS ...), named by
// their `name` field or — for points that stand for areas — by their area-code field
// (chosen as for boundaries); else by feature id.
std::vector<NamedSite> load_site_layer(const std::string& path, const AreaLayer& layer,
                                       const std::vector<std::size_t>* study, std::vector<std::string>& outside,
                                       bool named_by_area_code) {
    Transforms t(layer);
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds || ds->GetLayerCount() == 0) throw Error(Location{path, 0, ""}, "cannot open this as a vector layer of sites");
    OGRLayer* in = ds->GetLayer(0);
    OGRFeatureDefn* defn = in->GetLayerDefn();
    const int name_field = named_by_area_code ? defn->GetFieldIndex(area_code_field(defn, "", path).c_str())
                                              : defn->GetFieldIndex("name");
    std::unique_ptr<OGRCoordinateTransformation> to_layer;
    if (const OGRSpatialReference* crs = in->GetSpatialRef()) {
        OGRSpatialReference source(*crs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        to_layer = make_transformation(source, t.projected);
    } else {
        to_layer = make_transformation(t.wgs84, t.projected);  // GeoJSON without CRS: WGS 84
    }
    std::vector<NamedSite> sites;
    for (auto& f : *in) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint)
            throw Error(Location{path, static_cast<std::size_t>(f->GetFID()), ""}, "expected point features (sites)");
        const auto* p = g->toPoint();
        NamedSite s;
        s.name = name_field >= 0 ? f->GetFieldAsString(name_field) : "site " + std::to_string(f->GetFID());
        double x = p->getX(), y = p->getY();
        if (!to_layer || !to_layer->Transform(1, &x, &y))
            throw Error(Location{path, static_cast<std::size_t>(f->GetFID()), ""}, "cannot project this site");
        s.point = {x, y};
        double lon = x, lat = y;
        if (t.to_lonlat->Transform(1, &lon, &lat)) s.lon = lon, s.lat = lat;
        if (!inside_any(layer, study, x, y)) outside.push_back(s.name);
        sites.push_back(std::move(s));
    }
    return sites;
}

// Rows of `name,lon,lat` (WGS 84; the name column is the first of `names` present);
// sites outside every area are named with their line.
std::vector<NamedSite> load_site_csv(const std::string& path, const AreaLayer& layer,
                                     const std::vector<std::size_t>* study, std::vector<std::string>& outside,
                                     std::initializer_list<std::string_view> names) {
    Transforms t(layer);
    const std::string text = read_text_file(path);
    CsvReader reader(text, path);
    const CsvHeader header = CsvHeader::read(reader);
    const auto found = header.find_any(names);
    const std::size_t name_col = found ? *found : header.require(*names.begin(), "name of each point");
    const std::size_t lon_col = header.require("lon", "longitude (WGS 84)");
    const std::size_t lat_col = header.require("lat", "latitude (WGS 84)");
    std::vector<NamedSite> sites;
    std::vector<std::string_view> fields;
    while (reader.next_row(fields)) {
        require_field_count(reader, fields, header.names.size());
        NamedSite s;
        s.name = std::string(trim(fields[name_col]));
        const auto number = [&](std::size_t col, double lo, double hi) {
            const std::string v(trim(fields[col]));
            char* end = nullptr;
            const double d = std::strtod(v.c_str(), &end);
            if (v.empty() || end != v.c_str() + v.size() || !(d >= lo && d <= hi))
                throw Error(Location{path, reader.line(), header.names[col]},
                            fmt::format("'{}' is not a coordinate (expected a number from {} to {})", v, lo, hi));
            return d;
        };
        s.lon = number(lon_col, -180.0, 180.0);
        s.lat = number(lat_col, -90.0, 90.0);
        double x = s.lon, y = s.lat;
        if (!t.to_projected->Transform(1, &x, &y))
            throw Error(Location{path, reader.line(), ""}, "cannot project this site to " + layer.crs);
        s.point = {x, y};
        if (!inside_any(layer, study, x, y)) outside.push_back(fmt::format("{} (line {})", s.name, reader.line()));
        sites.push_back(std::move(s));
    }
    return sites;
}

}  // namespace

std::vector<NamedSite> load_candidate_sites(const std::string& path, const AreaLayer& layer, bool allow_outside,
                                            const std::vector<std::size_t>* study) {
    const bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
    std::vector<std::string> outside;
    const auto sites = csv ? load_site_csv(path, layer, study, outside, {"name"})
                           : load_site_layer(path, layer, study, outside, false);
    if (sites.empty())
        throw Error(Location{path, 0, ""}, csv ? "no candidate sites (expected rows of name,lon,lat)"
                                               : "no candidate sites in this layer");
    if (!outside.empty() && !allow_outside)
        throw Error(Location{path, 0, ""},
                    fmt::format("{} candidate site(s) lie outside every {}area of {}: {}; fix their coordinates or pass "
                                "{}",
                                outside.size(), study ? "study " : "", layer.source, fmt::join(outside, ", "), field_ref("allow_outside")));
    return sites;
}

std::vector<NamedSite> load_demand_points(const std::string& path, const AreaLayer& layer) {
    const bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
    std::vector<std::string> outside;  // a weighted centroid may sit just outside a ragged area: allowed
    auto points = csv ? load_site_csv(path, layer, nullptr, outside, {"area", "code", "name"})
                      : load_site_layer(path, layer, nullptr, outside, true);
    if (points.empty()) throw Error(Location{path, 0, ""}, "no demand points (expected rows of area,lon,lat)");
    return points;
}

}  // namespace cohesion
