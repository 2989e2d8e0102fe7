#include "geo/layer_writer.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <unordered_map>

#include "core/error.hpp"
#include "geo/coordinate_transformation.hpp"
#include "geo/layer_style.hpp"
#include "output/atomic_file.hpp"

namespace cohesion {

namespace {

bool ends_with(const std::string& s, const char* suffix) {
    const std::string t(suffix);
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

OGRFieldType field_type(const ResultTable& result, std::size_t column) {
    for (const auto& row : result.rows) {
        if (std::holds_alternative<std::string>(row[column])) return OFTString;
        if (std::holds_alternative<std::int64_t>(row[column])) return OFTInteger64;
        if (std::holds_alternative<double>(row[column])) return OFTReal;
    }
    return OFTReal;
}

// The GeoPackage's `layer_styles` table as QGIS makes it (an attributes table), created
// on first use; one default style per layer.
void add_layer_style(GDALDataset& dataset, const std::string& table, const LayerStyle& style,
                     const std::string& destination) {
    OGRLayer* styles = dataset.GetLayerByName("layer_styles");
    if (!styles) {
        styles = dataset.CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
        if (!styles) throw Error(Location{destination, 0, "layer_styles"}, "cannot create the QGIS style table");
        for (const char* name : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                                 "styleQML", "styleSLD"}) {
            OGRFieldDefn field(name, OFTString);
            styles->CreateField(&field);
        }
        OGRFieldDefn use_as_default("useAsDefault", OFTInteger);
        use_as_default.SetSubType(OFSTBoolean);
        styles->CreateField(&use_as_default);
        for (const char* name : {"description", "owner", "ui", "update_time"}) {
            OGRFieldDefn field(name, OFTString);
            styles->CreateField(&field);
        }
    }
    OGRFeature row(styles->GetLayerDefn());
    row.SetField("f_table_catalog", "");
    row.SetField("f_table_schema", "");
    row.SetField("f_table_name", table.c_str());
    row.SetField("f_geometry_column", "geom");
    row.SetField("styleName", style.name.c_str());
    row.SetField("styleQML", style.qml.c_str());
    row.SetField("styleSLD", style.sld.c_str());
    row.SetField("useAsDefault", 1);
    row.SetField("description", "Default style written by cohesion");
    row.SetField("owner", "");
    row.SetField("ui", "");
    if (styles->CreateFeature(&row) != OGRERR_NONE)
        throw Error(Location{destination, 0, "layer_styles"}, std::string("cannot write the QGIS style: ") +
                                                                CPLGetLastErrorMsg());
}

// The areas of each zone (in first-appearance order) dissolved into one polygon each,
// as layer `name`: zone name, number of areas, and the union of their polygons.
void write_zone_layer(GDALDataset& dataset, const ResultTable& result, const AreaLayer& layer,
                      const std::unordered_map<std::string_view, std::size_t>& feature_of, const std::string& column,
                      const std::string& name, OGRSpatialReference& crs, const std::string& destination) {
    const auto at = std::find(result.columns.begin(), result.columns.end(), column);
    if (at == result.columns.end()) return;
    const auto c = static_cast<std::size_t>(at - result.columns.begin());
    std::vector<std::string> zones;
    std::unordered_map<std::string, OGRMultiPolygon> parts;
    std::unordered_map<std::string, std::int64_t> areas;
    for (const auto& row : result.rows) {
        const auto* code = std::get_if<std::string>(&row[0]);
        const auto* zone = c < row.size() ? std::get_if<std::string>(&row[c]) : nullptr;
        if (!code || !zone || zone->empty()) continue;
        const auto it = feature_of.find(*code);
        if (it == feature_of.end()) continue;
        if (!parts.contains(*zone)) zones.push_back(*zone);
        auto& multi = parts[*zone];
        std::unique_ptr<OGRGeometry> g(OGRGeometryFactory::forceToMultiPolygon(layer.geometry[it->second]->clone()));
        for (const auto* polygon : *g->toMultiPolygon()) multi.addGeometry(polygon);
        ++areas[*zone];
    }
    if (zones.empty()) return;
    OGRLayer* out = dataset.CreateLayer(name.c_str(), &crs, wkbMultiPolygon, nullptr);
    if (!out) throw Error(Location{destination, 0, name}, std::string("cannot create layer: ") + CPLGetLastErrorMsg());
    OGRFieldDefn zone_field(column.c_str(), OFTString);
    OGRFieldDefn areas_field("areas", OFTInteger64);
    out->CreateField(&zone_field);
    out->CreateField(&areas_field);
    for (const auto& zone : zones) {
        // GEOS's cascaded union (through OGR) merges touching polygons into one outline.
        std::unique_ptr<OGRGeometry> dissolved(parts[zone].UnionCascaded());
        if (!dissolved) throw Error(Location{destination, 0, name}, "cannot dissolve the areas of zone '" + zone + "'");
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(dissolved.release()));
        OGRFeature feature(out->GetLayerDefn());
        feature.SetField(0, zone.c_str());
        feature.SetField(1, static_cast<GIntBig>(areas[zone]));
        feature.SetGeometry(multi.get());
        if (out->CreateFeature(&feature) != OGRERR_NONE)
            throw Error(Location{destination, 0, name}, "cannot write zone '" + zone + "': " + CPLGetLastErrorMsg());
    }
    add_layer_style(dataset, name, zone_outline_style(column), destination);
}

}  // namespace

bool is_layer_output(const std::string& path) {
    return ends_with(path, ".geojson") || ends_with(path, ".gpkg") || path.rfind("PG:", 0) == 0;
}

void write_result_layer(const ResultTable& result, const AreaLayer& layer, const std::string& destination,
                        const std::string& layer_name, const LayerExtras& extras) {
    GDALAllRegister();
    const bool postgis = destination.rfind("PG:", 0) == 0;
    const bool geojson = ends_with(destination, ".geojson");
    const char* driver_name = postgis ? "PostgreSQL" : geojson ? "GeoJSON" : "GPKG";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver) throw Error(Location{destination, 0, {}}, std::string("GDAL has no ") + driver_name + " driver");
    if (result.columns.empty()) throw Error("nothing to write");

    // Files: GDAL writes a temporary file beside the destination (symlinks followed,
    // folders refused; see atomic_file.hpp), renamed into place once complete.
    std::optional<PendingOutput> pending;
    std::optional<TempFileRegistration> journal;  // SQLite's rollback journal beside a .gpkg
    if (!postgis) {
        pending.emplace(destination, std::filesystem::path(destination).extension().string());
        journal.emplace(pending->temp_path() + "-journal");
    }
    const std::string target = postgis ? destination : pending->temp_path();
    CPLErrorReset();
    GDALDatasetUniquePtr dataset(postgis ? GDALDataset::Open(destination.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE)
                                         : driver->Create(target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) throw Error(Location{destination, 0, {}}, std::string("cannot create output: ") + CPLGetLastErrorMsg());

    OGRSpatialReference crs;
    crs.SetFromUserInput(geojson ? "EPSG:4326" : layer.crs.c_str());
    crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference layer_crs;
    layer_crs.SetFromUserInput(layer.crs.c_str());
    layer_crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_output = geojson ? make_transformation(layer_crs, crs) : nullptr;

    char** options = nullptr;
    if (postgis) options = CSLSetNameValue(options, "OVERWRITE", "YES");
    // 7 decimals of a degree is about 1 cm, finer than any census boundary; GDAL's default
    // (15 significant digits) made the files a third to a half larger (Bedford's hubs layer:
    // 297 kB, 198 kB now).
    // RFC 7946 §11.2 suggests 6.
    if (geojson) options = CSLSetNameValue(options, "COORDINATE_PRECISION", "7");
    OGRLayer* out = dataset->CreateLayer(layer_name.c_str(), &crs, wkbMultiPolygon, options);
    CSLDestroy(options);
    auto cleanup = [&] { dataset.reset(); };  // the pending output removes its temporary file
    if (!out) {
        const std::string why = CPLGetLastErrorMsg();
        cleanup();
        throw Error(Location{destination, 0, {}}, "cannot create layer: " + why);
    }
    for (std::size_t c = 0; c < result.columns.size(); ++c) {
        OGRFieldDefn field(result.columns[c].c_str(), field_type(result, c));
        if (out->CreateField(&field) != OGRERR_NONE) {
            cleanup();
            throw Error(Location{destination, 0, result.columns[c]}, "cannot create field");
        }
    }
    std::unordered_map<std::string_view, std::size_t> feature_of;
    for (std::size_t i = 0; i < layer.size(); ++i) feature_of.emplace(layer.codes[i], i);
    // One transaction: much faster for GeoPackage, and all-or-nothing for PostGIS.
    if (out->StartTransaction() != OGRERR_NONE) {
        cleanup();
        throw Error(Location{destination, 0, {}}, "cannot start writing the layer");
    }
    for (const auto& row : result.rows) {
        const auto* code = std::get_if<std::string>(&row[0]);
        if (!code) continue;
        const auto it = feature_of.find(*code);
        if (it == feature_of.end()) continue;  // rows without polygons are reported by the join
        OGRFeature feature(out->GetLayerDefn());
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::string>) feature.SetField(static_cast<int>(c), v.c_str());
                    else if constexpr (std::is_same_v<T, double>) {
                        if (std::isfinite(v)) feature.SetField(static_cast<int>(c), v);
                        else feature.SetFieldNull(static_cast<int>(c));
                    } else if constexpr (std::is_same_v<T, std::int64_t>) feature.SetField(static_cast<int>(c), static_cast<GIntBig>(v));
                    else feature.SetFieldNull(static_cast<int>(c));
                },
                row[c]);
        }
        std::unique_ptr<OGRGeometry> geometry(OGRGeometryFactory::forceToMultiPolygon(layer.geometry[it->second]->clone()));
        if (to_output) geometry->transform(to_output.get());
        feature.SetGeometry(geometry.get());
        if (out->CreateFeature(&feature) != OGRERR_NONE) {
            const std::string why = CPLGetLastErrorMsg();
            cleanup();
            throw Error(Location{destination, 0, {}}, "cannot write feature '" + *code + "': " + why);
        }
    }
    if (out->CommitTransaction() != OGRERR_NONE) {
        const std::string why = CPLGetLastErrorMsg();
        cleanup();
        throw Error(Location{destination, 0, {}}, "cannot finish writing the layer: " + why);
    }
    const bool gpkg = !postgis && !geojson;
    if (gpkg) {
        try {
            if (!extras.notes.empty()) {
                std::string notes;
                for (const auto& n : extras.notes) notes += (notes.empty() ? "" : "\n") + n;
                out->SetMetadataItem("DESCRIPTION", result.title.c_str());
                out->SetMetadataItem("NOTES", notes.c_str());
            }
            if (!extras.zone_column.empty())
                write_zone_layer(*dataset, result, layer, feature_of, extras.zone_column, layer_name + "_zones", crs,
                                 destination);
            if (!extras.style_column.empty())
                add_layer_style(*dataset, layer_name, default_layer_style(result, extras.style_column), destination);
        } catch (...) {
            cleanup();
            throw;
        }
    }
    dataset.reset();  // flush and close before the rename
    if (pending) pending->commit();
}

}  // namespace cohesion
