#include "geo/place_layer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "geo/area_overlaps.hpp"

namespace cohesion {

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

PlaceLayer load_place_layer(const std::string& source, const std::string& target_crs,
                            const std::string& wanted_name_field) {
    PlaceLayer places;
    AreaLayerOptions options;
    options.target_crs = target_crs;
    places.areas = load_area_layer(source, options);
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds || ds->GetLayerCount() == 0) throw Error(Location{source, 0, ""}, "cannot open this vector layer");
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    int field = -1;
    std::string fields;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const std::string name = defn->GetFieldDefn(i)->GetNameRef();
        fields += (fields.empty() ? "" : ", ") + name;
        if (!wanted_name_field.empty()) {
            if (name == wanted_name_field) field = i;
        } else if (field < 0 && (ends_with(name, "NM") || name == "name" || name == "NAME" || name == "Name")) {
            field = i;
        }
    }
    if (field < 0)
        throw Error(Location{source, 0, wanted_name_field},
                    "no place-name field (expected one ending in NM, e.g. WD13NM, or 'name'); fields: " + fields);
    places.name_field = defn->GetFieldDefn(field)->GetNameRef();
    const int code = defn->GetFieldIndex(places.areas.code_field.c_str());
    std::map<std::string, std::string> by_code;
    for (auto& f : *layer) by_code[f->GetFieldAsString(code)] = f->GetFieldAsString(field);
    for (const auto& c : places.areas.codes) places.names.push_back(by_code[c]);
    return places;
}

std::vector<std::string> place_of_areas(const AreaLayer& areas, const PlaceLayer& places) {
    std::vector<std::string> out(areas.size());
    if (places.memo) {
        const std::lock_guard<std::mutex> hold(places.memo->lock);
        const auto& known = places.memo->by_crs[areas.crs];
        bool all = true;
        for (std::size_t i = 0; i < areas.size() && all; ++i) {
            const auto it = known.find(areas.codes[i]);
            all = it != known.end() && it->second.centroid_x == areas.centroid_x[i] &&
                  it->second.centroid_y == areas.centroid_y[i];
            if (all) out[i] = it->second.place;
        }
        if (all) return out;
    }
    const AreaOverlaps overlaps = area_overlaps(areas, places.areas);
    std::fill(out.begin(), out.end(), std::string());
    std::vector<double> best(areas.size(), 0.0);
    for (const auto& o : overlaps.pairs)
        if (o.area_m2 > best[o.source]) {
            best[o.source] = o.area_m2;
            out[o.source] = places.names[o.target];
        }
    if (places.memo) {
        const std::lock_guard<std::mutex> hold(places.memo->lock);
        auto& known = places.memo->by_crs[areas.crs];
        for (std::size_t i = 0; i < areas.size(); ++i)
            known[areas.codes[i]] = {areas.centroid_x[i], areas.centroid_y[i], out[i]};
    }
    return out;
}

const PlaceLayer* PlaceLayers::in_crs(const std::string& crs) {
    if (source_.empty()) return nullptr;
    if (auto it = by_crs_.find(crs); it != by_crs_.end()) return &it->second;
    return &by_crs_.emplace(crs, load_place_layer(source_, crs)).first->second;
}

}  // namespace cohesion
