#include "geo/layer_column.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"

namespace cohesion {

LayerColumn read_layer_column(const std::string& source, const std::string& code_field, const std::string& column) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds || ds->GetLayerCount() == 0) throw Error(Location{source, 0, ""}, "cannot open this vector layer");
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int code = defn->GetFieldIndex(code_field.c_str());
    const int value = defn->GetFieldIndex(column.c_str());
    if (code < 0) throw Error(Location{source, 0, code_field}, "no such field (the area code)");
    if (value < 0) throw Error(Location{source, 0, column}, "no such field");
    const auto type = defn->GetFieldDefn(value)->GetType();
    LayerColumn out;
    out.numeric = type == OFTReal || type == OFTInteger || type == OFTInteger64;
    for (auto& f : *layer) {
        const std::string id = f->GetFieldAsString(code);
        const bool null = !f->IsFieldSetAndNotNull(value);
        out.text[id] = null ? "" : f->GetFieldAsString(value);
        if (out.numeric && !null) out.number[id] = f->GetFieldAsDouble(value);
    }
    return out;
}

bool layer_has_field(const std::string& source, const std::string& field) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    return ds && ds->GetLayerCount() > 0 && ds->GetLayer(0)->GetLayerDefn()->GetFieldIndex(field.c_str()) >= 0;
}

}  // namespace cohesion
