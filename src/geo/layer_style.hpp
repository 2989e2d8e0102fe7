#pragma once
// A default QGIS style for a per-area map layer, stored the QGIS way: a `layer_styles`
// table in the GeoPackage (f_table_name, f_geometry_column, styleName, styleQML,
// styleSLD, useAsDefault, ...), which QGIS applies when the layer is opened.
//
// Why: a GeoPackage opened in QGIS otherwise shows every area in one random colour; an
// analyst has to know which column is the finding and classify it. The style colours
// the main value column: categories (hot/cold, enclave names, yes/no) get distinct
// colours, numbers five quantile classes in viridis (colour-blind safe, ordered light
// with value). Missing values are grey.
#include <string>

#include "output/result_table.hpp"

namespace cohesion {

struct LayerStyle {
    std::string name;  // styleName
    std::string qml;   // QGIS's own format
    std::string sld;   // OGC Styled Layer Descriptor, for other GIS
};

// The style colouring `column` of `table` (throws cohesion::Error if there is no such column).
LayerStyle default_layer_style(const ResultTable& table, const std::string& column);
// An outline-only style for dissolved zones (enclaves, licensing zones), labelled by `label_column`.
LayerStyle zone_outline_style(const std::string& label_column);

}  // namespace cohesion
