#include "geo/layer_writer.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <unordered_map>

#include "core/error.hpp"
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

}  // namespace

bool is_layer_output(const std::string& path) {
    return ends_with(path, ".geojson") || ends_with(path, ".gpkg") || path.rfind("PG:", 0) == 0;
}

void write_result_layer(const ResultTable& result, const AreaLayer& layer, const std::string& destination,
                        const std::string& layer_name) {
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
    std::unique_ptr<OGRCoordinateTransformation> to_output(
        geojson ? OGRCreateCoordinateTransformation(&layer_crs, &crs) : nullptr);

    char** options = nullptr;
    if (postgis) options = CSLSetNameValue(options, "OVERWRITE", "YES");
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
    dataset.reset();  // flush and close before the rename
    if (pending) pending->commit();
}

}  // namespace cohesion
