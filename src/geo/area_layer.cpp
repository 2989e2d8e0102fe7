#include "geo/area_layer.hpp"
#include "geo/area_layer_codes.hpp"

#include <atomic>
#include <cstdint>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <mutex>
#include <unordered_set>

#include "core/error.hpp"
#include "geo/coordinate_transformation.hpp"
#include "geo/crs_extent_check.hpp"

namespace cohesion {

namespace {

void register_drivers() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");  // no arbitrary feature size cap
        // GDAL's own messages go through our errors and warnings, not straight to stderr.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

void collect_rings(const OGRGeometry* g, std::vector<Ring>& out) {
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbPolygon) {
        const auto* polygon = g->toPolygon();
        for (const auto* ring : *polygon) {
            Ring r;
            for (const auto& p : *ring) {
                r.x.push_back(p.getX());
                r.y.push_back(p.getY());
            }
            out.push_back(std::move(r));
        }
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const auto* part : *g->toGeometryCollection()) collect_rings(part, out);
    }
}

// Corrupt or hand-edited files carry NaN/huge coordinates; caught here they get a message
// naming the feature instead of failing later inside reprojection or the CRS choice.
bool coordinates_plausible(const OGRGeometry& g, const OGRSpatialReference& crs) {
    OGREnvelope e;
    g.getEnvelope(&e);
    if (!std::isfinite(e.MinX) || !std::isfinite(e.MaxX) || !std::isfinite(e.MinY) || !std::isfinite(e.MaxY)) return false;
    if (crs.IsGeographic()) return e.MinX >= -180.0 && e.MaxX <= 180.0 && e.MinY >= -90.0 && e.MaxY <= 90.0;
    return true;
}

bool is_areal(const OGRGeometry* g) {
    const auto type = wkbFlatten(g->getGeometryType());
    return type == wkbPolygon || type == wkbMultiPolygon;
}

// British National Grid for data in Great Britain, else the WGS 84 UTM zone of the centre.
std::string default_crs(const OGREnvelope& lonlat, const std::string& source) {
    if (!(lonlat.MinX >= -180.0 && lonlat.MaxX <= 180.0 && lonlat.MinY >= -90.0 && lonlat.MaxY <= 90.0))
        throw Error(Location{source, 0, {}}, "the layer's extent does not map to longitude/latitude, so no projection "
                                             "can be chosen for it; give one with " + field_ref("crs") + " or fix the coordinates");
    const double lon = (lonlat.MinX + lonlat.MaxX) / 2, lat = (lonlat.MinY + lonlat.MaxY) / 2;
    if (lonlat.MinX >= -9.0 && lonlat.MaxX <= 2.1 && lonlat.MinY >= 49.8 && lonlat.MaxY <= 61.0) return "EPSG:27700";
    const int zone = std::clamp(static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
    return "EPSG:" + std::to_string((lat >= 0 ? 32600 : 32700) + zone);
}

}  // namespace

std::string area_code_field(OGRFeatureDefn* defn, const std::string& wanted, const std::string& source) {
    std::vector<std::string> names;
    for (int i = 0; i < defn->GetFieldCount(); ++i) names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    auto list = [&] {
        std::string s;
        for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
        return s.empty() ? std::string("(no fields)") : s;
    };
    if (!wanted.empty()) {
        for (const auto& n : names)
            if (n == wanted) return n;
        throw Error(Location{source, 0, wanted}, "unknown code field; the layer has: " + list());
    }
    for (const auto& n : names)
        if (n.size() > 2 && n.compare(n.size() - 2, 2, "CD") == 0 && n.find("LAD") == std::string::npos &&
            n.find("RGN") == std::string::npos && n.find("UTLA") == std::string::npos)
            return n;
    auto lower = [](std::string v) {
        for (auto& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return v;
    };
    for (const auto& n : names) {
        const std::string l = lower(n);
        if (l == "code" || l == "id" || l == "geography code" ||
            (l.size() > 5 && l.compare(l.size() - 5, 5, "_code") == 0))
            return n;
    }
    throw Error(Location{source, 0, {}}, "cannot tell which field holds the area codes; name it with " + field_ref("code_field") +
                                         " (the layer has: " + list() + ")");
}

std::unique_ptr<OGRSpatialReference> layer_source_crs(const OGRSpatialReference* declared, const OGREnvelope& extent,
                                                      AreaLayer& out) {
    std::unique_ptr<OGRSpatialReference> source_crs;
    if (declared) {
        source_crs.reset(declared->Clone());
    } else if (extent.MinX >= -180 && extent.MaxX <= 180 && extent.MinY >= -90 && extent.MaxY <= 90) {
        source_crs = std::make_unique<OGRSpatialReference>();
        source_crs->importFromEPSG(4326);
        out.warnings.push_back("the layer has no CRS; its coordinates look like longitude/latitude, so EPSG:4326 "
                               "was assumed");
    } else {
        throw Error(Location{out.source, 0, {}}, "the layer has no coordinate reference system and its coordinates are "
                                                 "not longitude/latitude; give one with " + field_ref("crs") + " or fix the file");
    }
    source_crs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return source_crs;
}

void append_area(AreaLayer& out, std::string code, std::unique_ptr<OGRGeometry> g,
                 const OGRSpatialReference& source_crs, std::size_t feature_number) {
    if (code.empty()) throw Error(Location{out.source, feature_number, out.code_field}, "feature has no area code");
    if (!g || g->IsEmpty())
        throw Error(Location{out.source, feature_number, out.code_field}, "area '" + code + "' has an empty geometry");
    if (!coordinates_plausible(*g, source_crs))
        throw Error(Location{out.source, feature_number, out.code_field},
                    "area '" + code + "' has coordinates that are not finite or, for a longitude/latitude layer, "
                    "outside -180..180 / -90..90");
    if (!is_areal(g.get()))
        throw Error(Location{out.source, feature_number, out.code_field},
                    "area '" + code + "' is a " + std::string(OGRGeometryTypeToName(g->getGeometryType())) +
                        ", expected a Polygon or MultiPolygon");
    out.codes.push_back(std::move(code));
    auto& rings = out.rings.emplace_back();
    collect_rings(g.get(), rings);
    out.geometry.push_back(std::move(g));
}

namespace {
std::atomic<std::uint64_t> layer_loads{0};
}  // namespace

std::uint64_t area_layers_loaded() { return layer_loads.load(); }

namespace {

// `only` non-empty: keep only the features with these codes, skipped before any geometry is
// copied, repaired or projected.
AreaLayer read_area_layer(const std::string& source, const AreaLayerOptions& options,
                          const std::unordered_set<std::string>& only) {
    ++layer_loads;
    register_drivers();
    CPLErrorReset();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        const std::string why = CPLGetLastErrorMsg();
        throw Error(Location{source, 0, {}}, "cannot open as a vector layer" + (why.empty() ? std::string() : ": " + why));
    }
    OGRLayer* layer = options.layer.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(options.layer.c_str());
    if (!layer) throw Error(Location{source, 0, options.layer}, options.layer.empty() ? "the source has no layer" : "no such layer");

    AreaLayer out;
    out.source = source;
    out.code_field = area_code_field(layer->GetLayerDefn(), options.code_field, source);
    const int code_index = layer->GetLayerDefn()->GetFieldIndex(out.code_field.c_str());

    OGREnvelope extent;
    const bool has_extent = layer->GetExtent(&extent) == OGRERR_NONE;
    if (!has_extent && !layer->GetSpatialRef())
        throw Error(Location{source, 0, {}}, "the layer has no coordinate reference system and its coordinates are "
                                             "not longitude/latitude; give one with " + field_ref("crs") + " or fix the file");
    const auto source_crs = layer_source_crs(layer->GetSpatialRef(), extent, out);

    std::size_t feature_number = 0;
    for (auto& feature : *layer) {
        ++feature_number;
        std::string code = feature->IsFieldSetAndNotNull(code_index) ? feature->GetFieldAsString(code_index) : "";
        if (!only.empty() && !only.count(code)) continue;
        const OGRGeometry* g = feature->GetGeometryRef();
        append_area(out, std::move(code), std::unique_ptr<OGRGeometry>(g ? g->clone() : nullptr), *source_crs,
                    feature_number);
    }
    if (!out.codes.empty())
        if (OGREnvelope declared; layer->GetExtent(&declared) == OGRERR_NONE)
            check_extent_fits_crs({declared.MinX, declared.MinY, declared.MaxX, declared.MaxY}, *source_crs, source,
                                  layer->GetName());
    project_area_layer(out, *source_crs, options.target_crs);
    return out;
}

}  // namespace

AreaLayer load_area_layer(const std::string& source, const AreaLayerOptions& options) {
    return read_area_layer(source, options, {});
}

AreaLayer load_area_layer_codes(const std::string& source, const std::vector<std::string>& codes,
                                const AreaLayerOptions& options) {
    if (codes.empty()) throw Error(Location{source, 0, {}}, "no area codes to read");
    return read_area_layer(source, options, std::unordered_set<std::string>(codes.begin(), codes.end()));
}

void project_area_layer(AreaLayer& out, const OGRSpatialReference& source_crs, const std::string& wanted_crs) {
    const std::string& source = out.source;
    if (out.codes.empty()) throw Error(Location{source, 0, {}}, "the layer has no features");
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < out.codes.size(); ++i)
        if (!seen.insert(out.codes[i]).second)
            throw Error(Location{source, i + 1, out.code_field}, "duplicate area code '" + out.codes[i] + "'");

    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // Target CRS: explicit, or chosen from the extent in longitude/latitude.
    std::string target = wanted_crs;
    if (target.empty()) {
        OGREnvelope extent;
        for (const auto& g : out.geometry) {
            OGREnvelope e;
            g->getEnvelope(&e);
            extent.Merge(e);
        }
        std::unique_ptr<OGRCoordinateTransformation> to_lonlat = make_transformation(source_crs, wgs84);
        double xs[2] = {extent.MinX, extent.MaxX}, ys[2] = {extent.MinY, extent.MaxY};
        if (to_lonlat && to_lonlat->Transform(2, xs, ys)) {
            OGREnvelope lonlat;
            lonlat.MinX = std::min(xs[0], xs[1]);
            lonlat.MaxX = std::max(xs[0], xs[1]);
            lonlat.MinY = std::min(ys[0], ys[1]);
            lonlat.MaxY = std::max(ys[0], ys[1]);
            target = default_crs(lonlat, source);
        } else {
            target = "EPSG:27700";
        }
    }
    OGRSpatialReference target_crs;
    if (target_crs.SetFromUserInput(target.c_str()) != OGRERR_NONE)
        throw Error(Field{"crs"}, "unknown coordinate reference system '" + target + "'");
    if (!target_crs.IsProjected())
        throw Error(Field{"crs"}, "'" + target + "' is not a projected CRS; distances need metres");
    target_crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    out.crs = target;
    if (!make_transformation(source_crs, target_crs))
        throw Error(Location{source, 0, {}}, "cannot transform the layer's CRS to " + target);

    const std::size_t n = out.codes.size();
    out.area_km2.resize(n);
    out.perimeter_m.resize(n);
    out.centroid_x.resize(n);
    out.centroid_y.resize(n);
    // Projection (PROJ) and the validity check (GEOS) were most of a national layer's load
    // time, one feature after another; features are independent, so they run in parallel.
    // A transformation object is not thread-safe: one per thread. Problems are recorded per
    // feature and the first in file order is reported, as the serial loop did.
    enum class Problem : std::uint8_t { none, project, unrepairable, no_area, centroid };
    std::vector<Problem> problem(n, Problem::none);
    std::vector<char> repaired(n, 0);
    tbb::enumerable_thread_specific<std::unique_ptr<OGRCoordinateTransformation>> transforms(
        [&] { return make_transformation(source_crs, target_crs); });
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 64), [&](const tbb::blocked_range<std::size_t>& range) {
        OGRCoordinateTransformation* transform = transforms.local().get();
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
            auto& g = out.geometry[i];
            if (!transform || g->transform(transform) != OGRERR_NONE) {
                problem[i] = Problem::project;
                continue;
            }
            if (!g->IsValid()) {
                // Ring self-intersections occur in generalised boundary files; repair rather than
                // let area/perimeter/centroid silently go wrong.
                std::unique_ptr<OGRGeometry> fixed(g->MakeValid());
                if (!fixed || fixed->IsEmpty()) {
                    problem[i] = Problem::unrepairable;
                    continue;
                }
                g = std::move(fixed);
                repaired[i] = 1;
            }
            const auto type = wkbFlatten(g->getGeometryType());
            double area = 0.0, perimeter = 0.0;
            auto add_polygon = [&](const OGRPolygon* p) {
                area += p->get_Area();
                for (const auto* ring : *p) perimeter += ring->get_Length();
            };
            // A repair can turn a degenerate polygon into lines or points (or a collection
            // mixing them): keep the polygon parts, and refuse an area with none.
            if (type == wkbPolygon) {
                add_polygon(g->toPolygon());
            } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
                for (const auto* part : *g->toGeometryCollection())
                    if (wkbFlatten(part->getGeometryType()) == wkbPolygon) add_polygon(part->toPolygon());
            }
            if (!(area > 0.0)) {
                problem[i] = Problem::no_area;
                continue;
            }
            out.area_km2[i] = area / 1e6;
            out.perimeter_m[i] = perimeter;
            OGRPoint centroid;
            if (g->Centroid(&centroid) != OGRERR_NONE) {
                problem[i] = Problem::centroid;
                continue;
            }
            out.centroid_x[i] = centroid.getX();
            out.centroid_y[i] = centroid.getY();
        }
    });
    for (std::size_t i = 0; i < n; ++i) {
        switch (problem[i]) {
            case Problem::none: break;
            case Problem::project:
                throw Error(Location{source, i + 1, out.code_field}, "cannot project area '" + out.codes[i] + "' to " + target);
            case Problem::unrepairable:
                throw Error(Location{source, i + 1, out.code_field}, "area '" + out.codes[i] + "' has an invalid polygon that could not be repaired");
            case Problem::no_area:
                throw Error(Location{source, i + 1, out.code_field},
                            "area '" + out.codes[i] + "' has no area (a degenerate polygon" +
                                (repaired[i] ? std::string(", even after repair)") : std::string(")")));
            case Problem::centroid:
                throw Error(Location{source, i + 1, out.code_field}, "cannot compute the centroid of area '" + out.codes[i] + "'");
        }
        if (repaired[i]) out.repaired.push_back(out.codes[i]);
    }
    if (!out.repaired.empty())
        out.warnings.push_back(std::to_string(out.repaired.size()) + " invalid polygon(s) repaired with MakeValid: " +
                               out.repaired.front() + (out.repaired.size() > 1 ? ", ..." : ""));
}

AreaLayer subset_layer(const AreaLayer& layer, const std::vector<std::size_t>& features) {
    AreaLayer out;
    out.source = layer.source;
    out.code_field = layer.code_field;
    out.crs = layer.crs;
    out.warnings = layer.warnings;
    for (std::size_t k : features) {
        if (k >= layer.size()) throw Error("internal: layer feature out of range");
        out.codes.push_back(layer.codes[k]);
        out.rings.push_back(layer.rings[k]);
        out.geometry.emplace_back(layer.geometry[k]->clone());
        out.area_km2.push_back(layer.area_km2[k]);
        out.perimeter_m.push_back(layer.perimeter_m[k]);
        out.centroid_x.push_back(layer.centroid_x[k]);
        out.centroid_y.push_back(layer.centroid_y[k]);
    }
    for (const auto& code : layer.repaired)
        if (std::find(out.codes.begin(), out.codes.end(), code) != out.codes.end()) out.repaired.push_back(code);
    return out;
}

}  // namespace cohesion
